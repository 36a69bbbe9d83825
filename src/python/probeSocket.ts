// The python backend's channel to a probe started by torchrun: torchrun's workers inherit no descriptors
// beyond stdin/stdout/stderr, so rank 0's probe connects to a TCP port on 127.0.0.1 that the host listens on
// (`--events tcp:127.0.0.1:PORT --control tcp`). The probe's first line is a random token the host passed
// in $BACKPROP_LENS_TOKEN (a connection that does not bring it is closed: another local process); then
// come its events as JSON lines, and the host's commands go back on the same connection.
import crypto from 'node:crypto';
import net from 'node:net';
import readline from 'node:readline';

export interface ProbeSocket {
  port: number;
  token: string;
  /** Writes a command line to the probe (dropped before it connected or after it closed). */
  write(line: string): void;
  /** Stops listening and closes the connection. */
  close(): void;
}

/** Listens on 127.0.0.1 for the probe; `onLine` gets each line after the token, `onEnd` the connection's end. */
export function listenForProbe(onLine: (line: string) => void, onEnd: () => void): Promise<ProbeSocket> {
  const token = crypto.randomBytes(16).toString('hex');
  let connection: net.Socket | null = null;
  const server = net.createServer((socket) => {
    if (connection) return void socket.destroy();
    let greeted = false;
    socket.on('error', () => undefined);
    readline.createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
      if (greeted) return onLine(line);
      if (line !== token) return void socket.destroy();
      greeted = true;
      connection = socket;
      server.close(); // one probe per run: nobody else may connect
    });
    socket.on('close', () => {
      if (socket === connection) onEnd();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        token,
        write(line) {
          if (connection && !connection.destroyed && connection.writable) connection.write(line);
        },
        close() {
          server.close();
          connection?.destroy();
        },
      });
    });
  });
}
