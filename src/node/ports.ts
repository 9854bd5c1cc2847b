import { connect } from 'node:net';

/** Whether something listens on this port of this machine (a server started, or not yet stopped). */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => done(socket.end() !== undefined));
    socket.once('error', () => done(false));
  });
}
