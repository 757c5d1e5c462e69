// The office page's worker (office.html; docs/register.md): the page's own wasm, started here
// so that reading and deciding a register runs off the page's thread. The page's first
// message gives the addresses of its JS glue and wasm (same origin); once the wasm runs, its
// main() sees a worker (src/app/desk/worker.rs), answers the page's messages itself and says
// it is ready. If it cannot start here, the page is told, and reads the file itself.
self.onmessage = ({ data }) => {
  self.onmessage = null;
  import(data.js)
    .then((glue) => glue.default({ module_or_path: data.wasm }))
    .catch((e) => self.postMessage(`failed: ${e}`));
};
