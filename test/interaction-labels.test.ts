/**
 * The label of an interaction goes into every log line and is the `command` label of the
 * interactions metric: Tierbot's own names pass, anything else (free text a component id could
 * carry) is "unknown", so no user text reaches a log or a metric.
 */

import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { labelOf } from '../src/interactions/wire';

const KNOWN = new Set(['tier', 'glossary', 'Classify follower counts', 'counts']);
const command = (name: string) => ({ type: InteractionType.ApplicationCommand, data: { name } }) as unknown as APIInteraction;
const component = (custom_id: string) => ({ type: InteractionType.MessageComponent, data: { custom_id } }) as unknown as APIInteraction;

describe('labelOf', () => {
  it('names a command, the message command and a component by its owner', () => {
    expect(labelOf(command('tier'), KNOWN)).toBe('tier');
    expect(labelOf(command('Classify follower counts'), KNOWN)).toBe('Classify follower counts');
    expect(labelOf(component('tier:all:30000'), KNOWN)).toBe('tier:button');
    expect(labelOf(component('glossary:menu:0:own'), KNOWN)).toBe('glossary:button');
    expect(labelOf(component('counts:all:1'), KNOWN)).toBe('counts:button');
  });

  it('is "unknown" for a name shaped like a command that the core does not have', () => {
    expect(labelOf(command('nosuch'), KNOWN)).toBe('unknown');
    expect(labelOf(component('nosuch:x'), KNOWN)).toBe('unknown:button');
  });

  it('never passes free text on: a custom_id or name shaped unlike Tierbot’s own is "unknown"', () => {
    expect(labelOf(component('USERSECRET hello <@123> @everyone'), KNOWN)).toBe('unknown:button');
    expect(labelOf(component(''), KNOWN)).toBe('unknown:button');
    expect(labelOf(component(`${'a'.repeat(40)}:x`), KNOWN)).toBe('unknown:button');
    expect(labelOf(command('<@123> hi\nthere'), KNOWN)).toBe('unknown');
    expect(labelOf(command('x'.repeat(33)), KNOWN)).toBe('unknown');
  });
});
