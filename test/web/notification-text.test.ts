// The bell's words and the approval-link periods without a browser: every kind
// of notification the server sends reads as a sentence in English and French
// (never a translation key), with the client's name for a client's action;
// periods are named as a person would say them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import fr from '../../src/web/i18n/fr.json' with { type: 'json' };
import { describeNotification, knownKinds } from '../../src/web/notifications/notification-text.ts';
import { periodName } from '../../src/web/approval-links/period.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });

const item = (kind: string, payload: Record<string, unknown>) => ({ id: '1', kind, payload, createdAt: new Date().toISOString(), read: false });

test('every kind the server sends reads as a sentence in both languages', () => {
  for (const lng of ['en', 'fr']) {
    const t = i18n.getFixedT(lng);
    for (const kind of [...knownKinds, 'something_new']) {
      const text = describeNotification(item(kind, { postId: 'p1', excerpt: 'Linen shirts', actorName: 'Ada Admin', clientName: 'Marie', channel: '@shop', reason: 'Too long' }), t);
      assert.doesNotMatch(text.title, /notifications\.|\{\{/, `${lng} ${kind}: ${text.title}`);
      assert.equal(text.postId, 'p1');
      assert.equal(text.excerpt, 'Linen shirts');
      assert.equal(text.note, 'Too long');
    }
  }
  const t = i18n.getFixedT('fr');
  assert.equal(describeNotification(item('client_approved', { clientName: 'Marie Dupont', actorName: 'Client: Marie Dupont' }), t).title, 'Marie Dupont (client) a validé une publication');
  assert.match(describeNotification(item('client_approved', { clientName: 'Marie', becameApproved: true }), t).title, /maintenant programmée/);
  assert.equal(describeNotification(item('publish_failed', { channel: '@shop' }), i18n.getFixedT('en')).title, 'Could not publish on @shop');
  assert.equal(describeNotification(item('post_approved', {}), i18n.getFixedT('en')).title, 'Someone approved your post');
});

test('a rule’s digest of several messages says how many and leads to the inbox; one message leads to it', () => {
  const en = i18n.getFixedT('en');
  const fr = i18n.getFixedT('fr');
  const digest = describeNotification(item('inbox_rule_notify', { itemId: 7, count: 3, reason: 'Avis robes' }), en);
  assert.equal(digest.title, 'A rule flags 3 messages for you');
  assert.equal(digest.path, 'inbox');
  assert.equal(describeNotification(item('inbox_rule_notify', { itemId: 7, count: 3 }), fr).title, 'Une règle vous signale 3 messages');
  const assigned = describeNotification(item('inbox_assigned', { itemId: 7, count: 2, actorName: 'Livraisons' }), fr);
  assert.equal(assigned.title, 'Livraisons vous a attribué 2 messages');
  assert.equal(assigned.path, 'inbox?view=mine');
  const one = describeNotification(item('inbox_assigned', { itemId: 7, actorName: 'Léa' }), en);
  assert.equal(one.title, 'Léa assigned you a message');
  assert.equal(one.path, 'inbox?item=7');
});

test('a period is named as a person says it', () => {
  assert.equal(periodName({ from: '2027-04-01', to: '2027-04-30' }, 'en'), 'April 2027');
  assert.equal(periodName({ from: '2027-04-01', to: '2027-04-30' }, 'fr'), 'avril 2027');
  assert.equal(periodName({ from: '2027-04-05', to: '2027-04-11' }, 'en'), '5 Apr – 11 Apr 2027');
  assert.equal(periodName({ from: '2027-12-20', to: '2028-01-09' }, 'fr'), '20 déc. 2027 – 9 janv. 2028');
});
