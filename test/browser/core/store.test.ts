/**
 * The token store on real IndexedDB, and its memory fallback when the browser's storage fails
 * (simulated by stubbing IndexedDB APIs, never fetch).
 */
import { expect } from '@open-wc/testing';
import { createStore, get, set, del } from 'idb-keyval';
import { load, save, storageFailure, type StoredSession } from '../../../src/core/store.js';
import {
  failIndexedDBOpen,
  hangIndexedDBOpen,
  quotaExceededOnWrite,
  removeIndexedDB,
  resetPage,
  trackConnections,
} from '../helpers/index.js';

const rec = (token = 'tok-' + Math.random()): StoredSession => ({
  token,
  expiresAt: new Date(Date.now() + 900e3).toISOString(),
  profile: { Uid: 'u1', Email: 'a@example.test', FirstName: 'A', LastName: null, FullName: null, EmailVerified: true },
});
const KEY = 'http://api.example|key-1';

describe('core store', () => {
  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  it('round-trips through its own IndexedDB store, not idb-keyval’s default one', async () => {
    const r = rec();
    await save(KEY, r);
    expect(await load(KEY)).to.deep.equal(r);
    expect(await get(KEY, createStore('lr-elements', 'session'))).to.deep.equal(r);
    expect(await get(KEY)).to.equal(undefined); // default 'keyval-store'
    // A host using default idb-keyval cannot clobber it.
    await set(KEY, { token: 'host' });
    expect((await load(KEY))!.token).to.equal(r.token);
    await del(KEY);
    expect(await load('http://api.example|other-key')).to.equal(undefined);
    await save(KEY, undefined);
    expect(await load(KEY)).to.equal(undefined);
    expect(storageFailure).to.equal(undefined);
  });

  it('falls back to memory when indexedDB is missing, without throwing synchronously', async () => {
    removeIndexedDB();
    const r = rec();
    let p: Promise<unknown> | undefined;
    expect(() => (p = save(KEY, r))).not.to.throw();
    await p;
    expect(storageFailure).to.equal('unsupported');
    expect(await load(KEY)).to.deep.equal(r);
    await save(KEY, undefined);
    expect(await load(KEY)).to.equal(undefined);
  });

  it('falls back to memory when open fails, after one retry with a fresh store', async () => {
    const counter = failIndexedDBOpen();
    expect(await load(KEY)).to.equal(undefined);
    expect(storageFailure).to.equal('error');
    expect(counter.calls).to.equal(2); // idb-keyval's failed open is not reused
    const r = rec();
    await save(KEY, r);
    expect(await load(KEY)).to.deep.equal(r);
    expect(counter.calls).to.equal(2); // memory for the page's life
  });

  it('falls back to memory on QuotaExceededError and keeps the new value', async () => {
    const old = rec('old-token');
    await save(KEY, old);
    quotaExceededOnWrite();
    const r = rec('new-token');
    await save(KEY, r);
    expect(storageFailure).to.equal('quota');
    expect(await load(KEY)).to.deep.equal(r);
    // Clearing still removes the stale token from disk.
    await save(KEY, undefined);
    expect(await load(KEY)).to.equal(undefined);
    expect(await get(KEY, createStore('lr-elements', 'session'))).to.equal(undefined);
  });

  it('gives up on a hanging IndexedDB after about 2 s', async () => {
    hangIndexedDBOpen();
    const t0 = performance.now();
    expect(await load(KEY)).to.equal(undefined);
    expect(performance.now() - t0).to.be.within(1500, 3500);
    expect(storageFailure).to.equal('timeout');
  });

  it('reopens transparently after the connection was closed (with or without a close event)', async () => {
    const dbs = trackConnections();
    const r = rec();
    await save(KEY, r);
    expect(dbs).to.have.length(1);
    dbs[0]!.close(); // no event: the cached connection is dead
    expect(await load(KEY)).to.deep.equal(r);
    expect(dbs).to.have.length(2);
    dbs[1]!.close();
    dbs[1]!.dispatchEvent(new Event('close')); // what Safari fires when it drops the connection
    expect(await load(KEY)).to.deep.equal(r);
    expect(dbs).to.have.length(3);
    expect(storageFailure).to.equal(undefined);
  });
});
