import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start servers on 127.0.0.1; keep them from starving each other on 2 cores.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
