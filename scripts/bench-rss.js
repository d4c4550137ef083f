// Preloaded (node -r) by the benchmarks: reports the process's peak resident memory at exit.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\n__BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
