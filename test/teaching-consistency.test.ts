/** What the glossary and /tiers teach agrees with what /tier answers. */
import { describe, expect, it } from 'vitest';
import { driver } from './support/drive';

const text = (body: { embeds?: unknown }) => JSON.stringify(body.embeds ?? []);

describe('teaching agrees with /tier', () => {
  it('HypeAuditor\'s "Instagram user" band is below influencer size on its /tiers page, as in /tier, not nano', async () => {
    const page = text((await driver().run('/tiers source:hypeauditor')).shown.body);
    expect(page).toContain('Instagram user**: 0–1k (reads as 0–999) → below influencer size');
    expect(page).not.toMatch(/Instagram user\*\*: [^•]*→ Nano/);
  });

  it('the glossary names every publisher /tier finds calling an account under 1,000 nano', async () => {
    const term = text((await driver().run('/glossary term:Instagram user')).shown.body);
    for (const publisher of ['CMSWire', 'Later × Fohr', 'Iconosquare']) expect(term).toContain(publisher);
    expect(term).not.toContain('CMSWire alone');
  });

  it('rookie is nano narrowly, as /tier 3000 says, not "for most sources"', async () => {
    const term = text((await driver().run('/glossary term:rookie')).shown.body);
    const tier = text((await driver().run('/tier 3000')).shown.body);
    expect(tier).toContain('7 of 21');
    expect(term).toContain('7 of 21');
    expect(term).not.toContain('most sources');
  });

  it('conversion rate says Fab.com\'s figures are per follower, not per visit', async () => {
    const term = text((await driver().run('/glossary term:conversion rate')).shown.body);
    expect(term).toContain('0.08% of followers');
    expect(term).toContain('not per visit');
  });
});
