import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSavedReply, unknownVariables, valuesFor } from './saved-reply-render.ts';

test('a saved reply is filled from the message; what Relais cannot know stays visible', () => {
  const values = valuesFor({ displayName: 'Camille Martin', handle: 'camille.bsky.social', channel: '@boutique', agent: 'Léa' });
  assert.equal(
    renderSavedReply('Bonjour {{first_name}}, merci {{ handle }} ! Pouvez-vous nous donner le n° {{order_number}} ? — {{agent}}', values),
    'Bonjour Camille, merci @camille.bsky.social ! Pouvez-vous nous donner le n° {{order_number}} ? — Léa',
  );
  assert.equal(renderSavedReply('Hi {{name}}', valuesFor({ displayName: null, handle: 'fan.test', channel: 'x', agent: 'y' })), 'Hi fan.test');
});

test('unknown variables are reported once each', () => {
  assert.deepEqual(unknownVariables('{{nom}} {{name}} {{nom}} {{commande}}'), ['nom', 'commande']);
  assert.deepEqual(unknownVariables('Merci {{name}} !'), []);
});
