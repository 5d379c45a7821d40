import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests start the bot as a child process; give them room on a loaded machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
