import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A server listening on 127.0.0.1 at a port of the system's choosing. */
export interface Listening {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Closes the server, cutting open keep-alive connections so close() does not wait on them. */
  close(): Promise<void>;
}

/** Listens on loopback port 0: every test server here starts this way. */
export async function listenOnLoopback(server: Server): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}
