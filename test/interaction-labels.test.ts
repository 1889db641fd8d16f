/**
 * The label of an interaction goes into every log line and is the `command` label of the
 * interactions metric: Tierbot's own names pass, anything else (free text a component id could
 * carry) is "unknown", so no user text reaches a log or a metric.
 */

import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { labelOf } from '../src/interactions/wire';

const command = (name: string) => ({ type: InteractionType.ApplicationCommand, data: { name } }) as unknown as APIInteraction;
const component = (custom_id: string) => ({ type: InteractionType.MessageComponent, data: { custom_id } }) as unknown as APIInteraction;

describe('labelOf', () => {
  it('names a command, the message command and a component by its owner', () => {
    expect(labelOf(command('tier'))).toBe('tier');
    expect(labelOf(command('Classify follower counts'))).toBe('Classify follower counts');
    expect(labelOf(component('tier:all:30000'))).toBe('tier:button');
    expect(labelOf(component('glossary:menu:0:own'))).toBe('glossary:button');
  });

  it('never passes free text on: a custom_id or name shaped unlike Tierbot’s own is "unknown"', () => {
    expect(labelOf(component('USERSECRET hello <@123> @everyone'))).toBe('unknown:button');
    expect(labelOf(component(''))).toBe('unknown:button');
    expect(labelOf(component(`${'a'.repeat(40)}:x`))).toBe('unknown:button');
    expect(labelOf(command('<@123> hi\nthere'))).toBe('unknown');
    expect(labelOf(command('x'.repeat(33)))).toBe('unknown');
  });
});
