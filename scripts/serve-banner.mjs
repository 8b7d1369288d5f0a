// Printed by `npm start` between the build and the server, so that the address is the last thing to read.
console.log('\nAutodiag CaRE is built. Serving it on http://127.0.0.1:4173 (Ctrl+C to stop).\n');
