/**
 * The stand-in delivering to a signature-checking receiver (tools/standin/receiver.ts) instead of
 * a bot: how the stand-in's own tests read exactly what Discord would POST, and answer as they like.
 */

import { startReceiver, type Receiver } from '../../tools/standin/receiver';
import { startStandIn, type StandIn } from '../../tools/standin/server';

export interface StandInWithReceiver {
  receiver: Receiver;
  standIn: StandIn;
  close(): Promise<void>;
}

export async function startStandInWithReceiver(): Promise<StandInWithReceiver> {
  const receiver = await startReceiver();
  const standIn = await startStandIn({ interactionsEndpoint: receiver.url });
  receiver.publicKey = standIn.publicKey;
  return {
    receiver,
    standIn,
    async close() {
      await standIn.close();
      await receiver.close();
    },
  };
}
