// A TCP proxy in front of a service (the database, blob storage), for tests of the portal while the
// service is away: `stop` cuts every connection and refuses new ones, `start` listens again on the
// same port, as the service going down and coming back.
import net from "node:net";

export type TcpProxy = { port: number; stop: () => Promise<void>; start: () => Promise<void> };

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
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
        upstream.pipe(client);
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
  await start();
  return {
    get port() {
      return port;
    },
    stop,
    start,
  };
}
