// Starts Xvfb (when there is no DISPLAY) and WebKitWebDriver (Debian package webkit2gtk-driver) for
// @web/test-runner-webdriver. Both children are killed when this Node process exits.
import { spawn } from 'node:child_process';
import net from 'node:net';

export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const children = [];
process.on('exit', () => {
  for (const c of children) {
    try {
      c.kill('SIGTERM');
    } catch {}
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** @returns {Promise<{port: number, display: string}>} */
export async function startWebKitDriver() {
  let display = process.env.DISPLAY;
  if (!display) {
    // -displayfd: Xvfb picks a free display itself and writes its number to fd 3 (no clashes between
    // concurrent runs).
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    children.push(xvfb);
    display = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('Xvfb did not report a display')), 10000);
      xvfb.stdio[3].on('data', (d) => {
        out += d;
        if (out.includes('\n')) clearTimeout(timer), resolve(`:${out.trim()}`);
      });
      xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    });
  }
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  children.push(driver);
  await waitFor(`http://127.0.0.1:${port}/status`);
  return { port, display };
}
