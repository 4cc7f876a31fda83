import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { frameTimeMs, parseCapture } from '../../sim/ws/replay.ts';
import { ClientBook, FIXTURES, getJson, isMethod, startTestSim, WsClient } from './helpers.ts';

const CAPTURE = new URL('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl', FIXTURES);

describe('--replay: a JSONL capture of public v2 frames', () => {
  it('at max speed, a subscriber receives the capture byte for byte', async () => {
    const frames = parseCapture(readFileSync(CAPTURE, 'utf8'));
    const sim = await startTestSim({ replay: { frames, speed: 'max' } });
    try {
      const client = await WsClient.open(sim.wsPublic);
      client.send({ method: 'subscribe', params: { channel: 'book', symbol: ['ETH/USD'] } });
      const received = [];
      for (let i = 0; i < frames.length; i += 1) received.push(await client.next());
      expect(received).toEqual(frames);
      // The real capture's checksums still verify on the replayed text.
      const book = new ClientBook(10);
      for (const frame of received.slice(1)) {
        book.apply(frame);
        expect(book.checksum()).toBe(JSON.parse(frame).data[0].checksum);
      }
      client.send({ method: 'ping', req_id: 4 });
      expect(JSON.parse(await client.next(isMethod('pong'))).req_id).toBe(4);
      await client.close();
    } finally {
      await sim.close();
    }
  });

  it('at recorded speed, frames keep the gaps of their own timestamps', async () => {
    const frames = [
      '{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","last":1.0,"timestamp":"2025-01-01T00:00:00.000000Z"}]}',
      '{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","last":2.0,"timestamp":"2025-01-01T00:00:00.400000Z"}]}',
    ];
    expect(frames.map(frameTimeMs)).toEqual([1735689600000, 1735689600400]);
    const sim = await startTestSim({ replay: { frames, speed: 'recorded' } });
    try {
      const client = await WsClient.open(sim.wsPublic);
      client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
      await client.next();
      const first = Date.now();
      await client.next();
      expect(Date.now() - first).toBeGreaterThanOrEqual(350);
      await client.close();
    } finally {
      await sim.close();
    }
  });

  it('refuses a capture line that is not JSON', () => {
    expect(() => parseCapture('{"a":1}\nnope\n')).toThrow('capture line 2 is not JSON');
  });
});

describe('/_sim/ws/flood: benchmark-grade book updates', () => {
  it('sends 50,000 consistent BTC/USD book updates, each with a correct checksum', async () => {
    const sim = await startTestSim();
    try {
      // A bare socket (no frame log, no JSON parse per frame) so the client is not what is measured.
      const socket = new WebSocket(sim.wsPublic);
      await new Promise((resolve) => socket.once('open', resolve));
      const book = new ClientBook(10);
      const count = 50_000;
      let received = 0;
      let first = '';
      let last = '';
      let snapshot: (() => void) | undefined;
      const subscribed = new Promise<void>((resolve) => {
        snapshot = resolve;
      });
      let finish: (() => void) | undefined;
      const done = new Promise<void>((resolve) => {
        finish = resolve;
      });
      socket.on('message', (data) => {
        const text = data.toString();
        if (text.startsWith('{"channel":"book","type":"snapshot"')) {
          book.apply(text);
          snapshot?.();
        } else if (text.startsWith('{"channel":"book","type":"update"')) {
          received += 1;
          if (received === 1) first = text;
          last = text;
          if (received === count) finish?.();
        }
      });
      socket.send(
        JSON.stringify({ method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 } }),
      );
      await subscribed;
      // How fast it floods is measured by `npm run bench` (book-pipeline's floor), not asserted here: a
      // loaded machine would fail a rate threshold without anything being wrong.
      const reply = await getJson(`${sim.rest}/_sim/ws/flood`, {
        method: 'POST',
        body: JSON.stringify({ count }),
      });
      expect(reply.json).toEqual({ ok: true, sent: count });
      await done;
      expect(received).toBe(count);
      // Every update carries a correct checksum: the first changes the best bid, the last restores it.
      book.apply(first);
      expect(book.checksum()).toBe(JSON.parse(first).data[0].checksum);
      book.apply(last);
      expect(book.checksum()).toBe(JSON.parse(last).data[0].checksum);
      socket.close();
    } finally {
      await sim.close();
    }
  });
});
