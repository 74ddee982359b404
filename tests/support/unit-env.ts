// Settings for unit tests of modules that read the environment (lib/env.ts) but reach no service:
// placeholders where the test command has not already set the real ones.
const defaults: Record<string, string> = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/unused",
  AZURE_STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
  AZURE_STORAGE_CONTAINER: "poe",
  SMTP_URL: "smtp://127.0.0.1:1025",
  MAIL_FROM: "CPOR claims portal <no-reply@cpor.test>",
  APP_URL: "http://localhost:3100",
  AUTH_SECRET: "0123456789abcdef0123456789abcdef0123",
};
for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
