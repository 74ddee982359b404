// A TCP proxy in front of a service (the database, blob storage), for tests of the portal while the
// service is away: `stop` cuts every connection and refuses new ones, `start` listens again on the
// same port, as the service going down and coming back. In front of PostgreSQL, `terminateSessions`
// ends each session as a fast shutdown does: the server's "terminating connection" notice right after
// its next reply, in the same read.
import net from "node:net";

export type TcpProxy = { port: number; stop: () => Promise<void>; start: () => Promise<void>; terminateSessions: () => void };

/** PostgreSQL's ErrorResponse for SQLSTATE 57P01, as a backend sends it when the server shuts down. */
function adminShutdown() {
  const fields = Buffer.from("SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0\0");
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/** Whether a chunk from the server ends with ReadyForQuery ('Z', length 5, status): the end of a reply. */
const endsReply = (chunk: Buffer) => chunk.length >= 6 && chunk[chunk.length - 6] === 0x5a && chunk.readInt32BE(chunk.length - 5) === 5;

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const terminating = new WeakSet<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const track = (socket: net.Socket, other: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      other.destroy();
    });
    socket.on("error", () => socket.destroy());
  };
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target);
        track(client, upstream);
        track(upstream, client);
        client.pipe(upstream);
        upstream.on("data", (chunk: Buffer) => {
          if (!(terminating.has(upstream) && endsReply(chunk))) return void client.write(chunk);
          client.end(Buffer.concat([chunk, adminShutdown()]));
          upstream.destroy();
        });
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
    });
  const terminateSessions = () => {
    for (const socket of sockets) terminating.add(socket);
  };
  await start();
  return {
    get port() {
      return port;
    },
    stop,
    start,
    terminateSessions,
  };
}
