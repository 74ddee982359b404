// A real SMTP server inside the test process (smtp-server), on a random port: captures every message
// it accepts (parsed with mailparser), and can be switched "down" (each connection is refused with
// 421, as a relay that is unavailable answers).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = {
  messageId: string | undefined;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  receivedAt: Date;
};

export type TestSmtp = {
  url: string;
  port: number;
  messages: CapturedMail[];
  /** How many connections were refused while down. */
  refused: number;
  setDown(down: boolean): void;
  clear(): void;
  /** Waits until at least `count` messages arrived (the SMTP reply precedes our parsing). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
};

const addresses = (value: ParsedMail["to"]) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((entry) => entry.address?.toLowerCase() ?? ""));

export async function startTestSmtp(): Promise<TestSmtp> {
  let down = false;
  const pending: Promise<void>[] = [];
  const state: TestSmtp = {
    url: "",
    port: 0,
    messages: [],
    refused: 0,
    setDown: (value) => {
      down = value;
    },
    clear: () => {
      state.messages.length = 0;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s), got ${state.messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await Promise.all(pending);
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      if (!down) return callback();
      state.refused++;
      const error = Object.assign(new Error("Service not available, try again later"), { responseCode: 421 });
      callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // Parse before answering 250, so a message is captured by the time the sender sees it accepted.
        const parsing = simpleParser(Buffer.concat(chunks)).then((mail) => {
          state.messages.push({
            messageId: mail.messageId,
            to: addresses(mail.to),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers: mail.headers,
            receivedAt: new Date(),
          });
        });
        pending.push(parsing);
        parsing.then(() => callback(), callback);
      });
    },
  });
  server.on("error", () => {});

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  state.port = port;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
