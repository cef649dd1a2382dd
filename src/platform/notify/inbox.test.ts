import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { defineNotification } from './notification-templates.ts';
import { notify } from './notify.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const NOTE = defineNotification<{ n: number }>('test.inbox_note', {
  subject: (p, l) => (l === 'fr' ? `Avis no ${p.n}` : `Notice #${p.n}`),
  text: (p, l) => (l === 'fr' ? `Contenu de l’avis ${p.n}.` : `Content of notice ${p.n}.`),
});

interface Inbox {
  items: Array<{ id: string; title: string; body: string; readAt: string | null }>;
  total: number;
  unread: number;
}

async function citizen() {
  const account = await createAccount(ctx.db);
  const client = ctx.client();
  await signInAs(ctx.db, client, account);
  // Account messages reach the inbox by default.
  for (let n = 1; n <= 3; n++)
    await notify(ctx, { accountId: account.id, category: 'account', template: NOTE, params: { n } });
  return { account, client };
}

describe('in-app inbox', () => {
  it('lists unread messages first, counts them, and marks one or all read', async () => {
    const { client } = await citizen();
    const first = await client.get<Inbox>('/api/me/inbox');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, unread: 3 });
    expect(first.body.items.map((i) => i.title)).toEqual(['Avis no 3', 'Avis no 2', 'Avis no 1']);
    expect(first.body.items[0]?.body).toContain('Contenu de l’avis 3.');
    expect(first.body.items[0]?.body).toContain('Ce message vous est envoyé par Civique.');

    const oldest = first.body.items[2]?.id ?? '';
    const newest = first.body.items[0]?.id ?? '';
    const read = await client.post<{ id: string; readAt: string }>(`/api/me/inbox/${newest}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeTruthy();
    expect((await client.get<{ unread: number }>('/api/me/inbox/unread-count')).body.unread).toBe(2);
    const reordered = await client.get<Inbox>('/api/me/inbox');
    expect(reordered.body.items.map((i) => i.title)).toEqual(['Avis no 2', 'Avis no 1', 'Avis no 3']);
    expect(reordered.body.items[2]?.readAt).not.toBeNull();

    const paged = await client.get<Inbox>('/api/me/inbox?page=2&perPage=2');
    expect(paged.body.items.map((i) => i.id)).toEqual([newest]);

    const all = await client.post<{ updated: number }>('/api/me/inbox/read-all');
    expect(all.body.updated).toBe(2);
    expect((await client.get<{ unread: number }>('/api/me/inbox/unread-count')).body.unread).toBe(0);
    // Reading again keeps the first reading time.
    const again = await client.post<{ readAt: string }>(`/api/me/inbox/${oldest}/read`);
    expect(again.status).toBe(200);
  });

  it('never shows or changes another person’s inbox', async () => {
    const alice = await citizen();
    const bob = await citizen();
    const aliceItems = (await alice.client.get<Inbox>('/api/me/inbox')).body.items;
    const bobItems = (await bob.client.get<Inbox>('/api/me/inbox')).body.items;
    expect(bobItems.map((i) => i.id).some((id) => aliceItems.some((a) => a.id === id))).toBe(false);

    const target = aliceItems[0]?.id ?? '';
    const res = await bob.client.post<{ error: { code: string } }>(`/api/me/inbox/${target}/read`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('notify.inbox_item_not_found');
    await bob.client.post('/api/me/inbox/read-all');
    expect((await alice.client.get<{ unread: number }>('/api/me/inbox/unread-count')).body.unread).toBe(3);

    const anonymous = ctx.client();
    expect((await anonymous.get('/api/me/inbox')).status).toBe(401);
    expect((await anonymous.get('/api/me/inbox/unread-count')).status).toBe(401);
    expect((await anonymous.post(`/api/me/inbox/${target}/read`)).status).toBe(401);
  });
});
