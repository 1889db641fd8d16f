/**
 * The benchmark's baseline: the minimal discord.js v14 bot from the discord.js guide ("Your first
 * bot"): a Client with default options and the Guilds intent, a ready line, and an interaction
 * handler that answers every command with one small static embed (autocomplete: an empty list).
 *
 * The one option that is not a default is `rest.api`, which points it at the stand-in: without it
 * the bot could not talk to anything but discord.com. Run by bench/run.ts as a child process with
 * DISCORD_TOKEN and DISCORD_API_URL set; prints "Ready! Logged in as <tag>" when ready.
 */

import { Client, EmbedBuilder, Events, GatewayIntentBits } from 'discord.js';

const token = process.env.DISCORD_TOKEN;
const api = process.env.DISCORD_API_URL;
if (!token || !api) {
  console.error('baseline-bot needs DISCORD_TOKEN and DISCORD_API_URL');
  process.exit(1);
}

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api } });

const embed = new EmbedBuilder().setTitle('Tier').setDescription('30,000 followers: micro-influencer.').setColor(0x5865f2);

client.once(Events.ClientReady, (readyClient) => {
  console.log(`Ready! Logged in as ${readyClient.user.tag}`);
});

client.on(Events.InteractionCreate, async (interaction) => {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isChatInputCommand()) await interaction.reply({ embeds: [embed] });
  } catch (error) {
    console.error(error);
  }
});

client.login(token).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
