// Preloaded into CLI processes by test/integration/cli-nonce-lock.test.ts: holds every request until the
// wall-clock time in KRAKEN_TEST_SEND_AT (ms), so calls that took their nonces at different moments all leave
// together. That is the race the nonce file lock must prevent (a later nonce arriving first makes the other
// invalid); without the barrier, process start-up jitter would hide it.
const at = Number(process.env.KRAKEN_TEST_SEND_AT);
if (at > 0) {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const wait = at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return original(input, init);
  };
}
