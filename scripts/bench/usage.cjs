// Preloaded with `node --require` into a measured process: at exit, writes what the OS and V8
// say the process used (peak RSS, CPU time, heap) to the file named by BENCH_USAGE_FILE. A
// preload rather than /usr/bin/time -v, so the bench needs no apt package and sees V8's heap too.
'use strict';
const { writeFileSync } = require('node:fs');
const v8 = require('node:v8');

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const memory = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssKb: usage.maxRSS, // kilobytes on Linux
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        rssAtExit: memory.rss,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        external: memory.external,
        arrayBuffers: memory.arrayBuffers,
        peakMallocedMemory: heap.peak_malloced_memory,
        totalHeapSize: heap.total_heap_size,
      }),
    );
  });
}
