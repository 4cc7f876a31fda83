// English texts of notifications and the background’s messages shown to people (entrypoints/background, lib/ui/error-text.ts).
// One file per area so that areas can be translated apart; en.ts gathers them.
export const notifyEn = {
  'error.unreachable':
    'The extension’s background did not answer. It restarts by itself; try again in a moment.',
} as const;
