import pino from 'pino';

/**
 * Logs go to stderr as JSON lines, so stdout stays clean for the console and for
 * `query --json`. The token is redacted wherever it might appear.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)) {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN', '*.headers.authorization'],
        censor: '[redacted]',
      },
      base: { app: 'footnote' },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
