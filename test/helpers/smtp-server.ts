import net from 'node:net';

/**
 * Just enough of an SMTP server to receive a message, or to refuse its recipient. `greetAfterMs` makes it as slow to
 * answer a connection as a distant or overloaded server; `greeted` says whether it has answered one yet.
 */
export async function smtpServer(options: { refuseRecipient?: boolean; greetAfterMs?: number } = {}) {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  let greeted = false;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const timer = setTimeout(() => {
      greeted = true;
      socket.write('220 test ESMTP\r\n');
    }, options.greetAfterMs ?? 0);
    socket.on('close', () => clearTimeout(timer));
    let buffer = '';
    let message: string | undefined;
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message !== undefined) {
          if (line === '.') { received.push(message); message = undefined; socket.write('250 queued\r\n'); } else message += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT' && options.refuseRecipient) socket.write('550 5.1.1 no such mailbox here\r\n');
        else if (verb === 'DATA') { message = ''; socket.write('354 go on\r\n'); } else if (verb === 'QUIT') { socket.end('221 bye\r\n'); } else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get greeted() { return greeted; },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
