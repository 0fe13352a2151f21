// The live feed: SignalR hub /hubs/supervision. Join(scope) gets a snapshot, then deltas; after any reconnect, Join again.
let loading;
function loadSignalR() {
  loading ??= new Promise((resolve, reject) => {
    if (window.signalR) { resolve(window.signalR); return; }
    const script = document.createElement('script');
    script.src = '/lib/signalr/signalr.min.js';
    script.onload = () => resolve(window.signalR);
    script.onerror = () => reject(new Error('SignalR client failed to load'));
    document.head.append(script);
  });
  return loading;
}

/**
 * handlers: { snapshot, statsChanged, itemChanged, alert, status(state) } where state is
 * 'connecting' | 'connected' | 'reconnecting' | 'disconnected'. Messages for another scope are dropped.
 */
export async function connectLive(scope, handlers) {
  const signalR = await loadSignalR();
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/supervision')
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  let stopped = false;
  let retry;
  const mine = handler => message => { if (!stopped && message?.scope === scope) handler(message); };
  connection.on('snapshot', mine(handlers.snapshot));
  connection.on('statsChanged', mine(handlers.statsChanged));
  connection.on('itemChanged', mine(handlers.itemChanged));
  connection.on('alert', mine(handlers.alert));
  connection.onreconnecting(() => handlers.status('reconnecting'));
  connection.onreconnected(async () => {
    // Pushes may have been missed while away: joining again sends a fresh snapshot.
    await join();
  });
  connection.onclose(() => { if (!stopped) { handlers.status('disconnected'); retry = setTimeout(start, 30_000); } });

  async function join() {
    try {
      await connection.invoke('Join', scope);
      handlers.status('connected');
    } catch (error) {
      handlers.status('disconnected', error);
    }
  }

  async function start() {
    if (stopped) return;
    handlers.status('connecting');
    try {
      await connection.start();
      await join();
    } catch (error) {
      handlers.status('disconnected', error);
      retry = setTimeout(start, 30_000);
    }
  }

  await start();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      try {
        if (connection.state === 'Connected') await connection.invoke('Leave', scope);
      } catch { /* leaving is best effort */ }
      await connection.stop();
    },
  };
}
