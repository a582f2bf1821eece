// The layout worker: elk-worker.min.js, once loaded in a worker, answers elk-api's messages
// itself (it sets `self.onmessage`). A file of our own so that Vite bundles it as a module worker
// served from the app's origin (the Content-Security-Policy allows no blob: or inline workers).

import 'elkjs/lib/elk-worker.min.js';
