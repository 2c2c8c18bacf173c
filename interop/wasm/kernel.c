/*
 * kernel.c — a freestanding wasm32 "kernel" that works on structs shared with
 * TypeScript in one shared WebAssembly.Memory (SPEC §3 `__typed.at` over wasm
 * memory): a task table, per-unit performance counters updated with atomics,
 * and a run queue (a bounded ring, multi-producer/multi-consumer with CAS).
 *
 * Built by scripts/interop/build-wasm.sh. Every pointer argument is a wasm32
 * address, i.e. a byte offset in the shared memory. The `*_sizeof`, `*_alignof`,
 * `offsetof_*` and `*_bit_offset` exports let tests cross-check the layout
 * typedc computes for the `wasm32` format against what clang emitted.
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define EXPORT __attribute__((visibility("default")))

/* TASK_RUNNING is the `state` of a runnable task (as in Linux). */
#define TASK_RUNNING 0
#define COMM_LEN 16

struct task {
  int32_t pid;
  long state;                 /* 4 bytes on wasm32 */
  char comm[COMM_LEN];        /* NUL-terminated unless all 16 are used */
  uint64_t vruntime;          /* 8-aligned: 4 bytes of padding before it */
  struct task *parent;        /* wasm address, 0 for none */
  uint32_t flags : 4, prio : 8;
  uint32_t nr_scans;          /* how many times scan_tasks saw this task */
  uint64_t sum_exec_ns;
};

/* A per-unit performance counter block: units update it concurrently. */
struct perf_unit {
  _Atomic uint64_t cycles;
  _Atomic uint32_t events;
  _Atomic uint32_t misses;
};

#define RUNQ_SLOTS 64

/* A bounded ring of pids; head/tail grow without bound and index modulo RUNQ_SLOTS. */
struct runq {
  _Atomic uint32_t head;      /* next slot to dequeue */
  _Atomic uint32_t tail;      /* next slot to claim for enqueue */
  _Atomic uint32_t committed; /* slots below this are filled */
  uint32_t capacity;          /* RUNQ_SLOTS */
  int32_t slots[RUNQ_SLOTS];
};

/* The summary scan_tasks writes. */
struct sched_stats {
  int32_t runnable;
  int32_t min_vruntime_pid;   /* -1 when no task is runnable */
  int32_t max_depth;          /* longest parent chain (a task without parent has depth 0) */
  uint32_t comm_hash;         /* FNV-1a over every comm, each up to its NUL or 16 bytes */
  uint64_t total_vruntime;
};

/* prio_weight is the vruntime a runnable task gains per scan: lower prio value, bigger share. */
static uint64_t prio_weight(uint32_t prio) { return (uint64_t)(256 - prio) * 1000; }

/* depth_of counts parents up to a root, stopping after n steps (a cycle). */
static int32_t depth_of(const struct task *t, int n) {
  int32_t depth = 0;
  while (t->parent && depth < n) { t = t->parent; depth++; }
  return depth;
}

/* scan_tasks ages every runnable task, counts scans and writes a summary to *out; returns the runnable count. */
EXPORT int32_t scan_tasks(struct task *tbl, int32_t n, struct sched_stats *out) {
  uint32_t hash = 2166136261u;
  out->runnable = 0;
  out->min_vruntime_pid = -1;
  out->max_depth = 0;
  out->total_vruntime = 0;
  uint64_t min_vruntime = UINT64_MAX;
  for (int32_t i = 0; i < n; i++) {
    struct task *t = &tbl[i];
    t->nr_scans++;
    if (t->state == TASK_RUNNING) {
      uint64_t delta = prio_weight(t->prio);
      t->vruntime += delta;
      t->sum_exec_ns += delta / 2;
      out->runnable++;
      if (t->vruntime < min_vruntime) { min_vruntime = t->vruntime; out->min_vruntime_pid = t->pid; }
    }
    out->total_vruntime += t->vruntime;
    int32_t depth = depth_of(t, n);
    if (depth > out->max_depth) out->max_depth = depth;
    for (int c = 0; c < COMM_LEN && t->comm[c]; c++) { hash ^= (uint8_t)t->comm[c]; hash *= 16777619u; }
  }
  out->comm_hash = hash;
  return out->runnable;
}

/* task_set_flags writes the two bit-fields of a task (so tests can find their bits). */
EXPORT void task_set_flags(struct task *t, uint32_t flags, uint32_t prio) { t->flags = flags; t->prio = prio; }

/* perf_add adds to one unit's counters atomically; returns the unit's new event count. */
EXPORT uint32_t perf_add(struct perf_unit *units, int32_t unit, uint64_t cycles, uint32_t misses) {
  struct perf_unit *u = &units[unit];
  atomic_fetch_add_explicit(&u->cycles, cycles, memory_order_relaxed);
  atomic_fetch_add_explicit(&u->misses, misses, memory_order_relaxed);
  return atomic_fetch_add_explicit(&u->events, 1, memory_order_acq_rel) + 1;
}

/* perf_total_cycles sums the cycles of n units. */
EXPORT uint64_t perf_total_cycles(struct perf_unit *units, int32_t n) {
  uint64_t total = 0;
  for (int32_t i = 0; i < n; i++) total += atomic_load_explicit(&units[i].cycles, memory_order_acquire);
  return total;
}

/* runq_init empties a run queue. */
EXPORT void runq_init(struct runq *q) {
  atomic_store(&q->head, 0);
  atomic_store(&q->tail, 0);
  atomic_store(&q->committed, 0);
  q->capacity = RUNQ_SLOTS;
}

/*
 * enqueue appends pid; returns 0, or -1 when the queue is full.
 * A producer claims a slot by CAS on tail, fills it, then waits for earlier
 * claims to commit and publishes its own by advancing `committed`.
 */
EXPORT int32_t enqueue(struct runq *q, int32_t pid) {
  uint32_t slot = atomic_load(&q->tail);
  do {
    if (slot - atomic_load(&q->head) >= RUNQ_SLOTS) return -1;
  } while (!atomic_compare_exchange_weak(&q->tail, &slot, slot + 1));
  q->slots[slot % RUNQ_SLOTS] = pid;
  uint32_t expected = slot;
  while (!atomic_compare_exchange_weak(&q->committed, &expected, slot + 1)) expected = slot;
  return 0;
}

/* dequeue removes the oldest committed pid; returns -1 when the queue is empty. */
EXPORT int32_t dequeue(struct runq *q) {
  uint32_t slot = atomic_load(&q->head);
  int32_t pid;
  do {
    if (slot == atomic_load(&q->committed)) return -1;
    pid = q->slots[slot % RUNQ_SLOTS];
  } while (!atomic_compare_exchange_weak(&q->head, &slot, slot + 1));
  return pid;
}

/* runq_length is the number of committed, not yet dequeued pids. */
EXPORT uint32_t runq_length(struct runq *q) { return atomic_load(&q->committed) - atomic_load(&q->head); }

/* ---- Layout helpers: what clang chose for wasm32. ---- */

EXPORT uint32_t task_sizeof(void) { return sizeof(struct task); }
EXPORT uint32_t task_alignof(void) { return _Alignof(struct task); }
EXPORT uint32_t perf_unit_sizeof(void) { return sizeof(struct perf_unit); }
EXPORT uint32_t runq_sizeof(void) { return sizeof(struct runq); }
EXPORT uint32_t sched_stats_sizeof(void) { return sizeof(struct sched_stats); }
EXPORT uint32_t offsetof_task_pid(void) { return offsetof(struct task, pid); }
EXPORT uint32_t offsetof_task_state(void) { return offsetof(struct task, state); }
EXPORT uint32_t offsetof_task_comm(void) { return offsetof(struct task, comm); }
EXPORT uint32_t offsetof_task_vruntime(void) { return offsetof(struct task, vruntime); }
EXPORT uint32_t offsetof_task_parent(void) { return offsetof(struct task, parent); }
EXPORT uint32_t offsetof_task_nr_scans(void) { return offsetof(struct task, nr_scans); }
EXPORT uint32_t offsetof_task_sum_exec_ns(void) { return offsetof(struct task, sum_exec_ns); }
EXPORT uint32_t offsetof_perf_unit_cycles(void) { return offsetof(struct perf_unit, cycles); }
EXPORT uint32_t offsetof_perf_unit_events(void) { return offsetof(struct perf_unit, events); }
EXPORT uint32_t offsetof_perf_unit_misses(void) { return offsetof(struct perf_unit, misses); }
EXPORT uint32_t offsetof_runq_head(void) { return offsetof(struct runq, head); }
EXPORT uint32_t offsetof_runq_tail(void) { return offsetof(struct runq, tail); }
EXPORT uint32_t offsetof_runq_committed(void) { return offsetof(struct runq, committed); }
EXPORT uint32_t offsetof_runq_slots(void) { return offsetof(struct runq, slots); }
EXPORT uint32_t offsetof_sched_stats_runnable(void) { return offsetof(struct sched_stats, runnable); }
EXPORT uint32_t offsetof_sched_stats_min_vruntime_pid(void) { return offsetof(struct sched_stats, min_vruntime_pid); }
EXPORT uint32_t offsetof_sched_stats_max_depth(void) { return offsetof(struct sched_stats, max_depth); }
EXPORT uint32_t offsetof_sched_stats_comm_hash(void) { return offsetof(struct sched_stats, comm_hash); }
EXPORT uint32_t offsetof_sched_stats_total_vruntime(void) { return offsetof(struct sched_stats, total_vruntime); }

/*
 * bit_offset_in finds a bit-field's first bit (little-endian numbering, as
 * DW_AT_data_bit_offset counts on wasm32) in a zeroed task where only it is all ones.
 */
static uint32_t first_set_bit(const unsigned char *bytes, uint32_t byte_size) {
  for (uint32_t i = 0; i < byte_size * 8; i++)
    if (bytes[i / 8] & (1u << (i % 8))) return i;
  return UINT32_MAX;
}

/* task_flags_bit_offset is the bit offset of `flags` from the start of struct task. */
EXPORT uint32_t task_flags_bit_offset(void) {
  struct task t = {0};
  t.flags = 0xF;
  return first_set_bit((const unsigned char *)&t, sizeof t);
}

/* task_prio_bit_offset is the bit offset of `prio` from the start of struct task. */
EXPORT uint32_t task_prio_bit_offset(void) {
  struct task t = {0};
  t.prio = 0xFF;
  return first_set_bit((const unsigned char *)&t, sizeof t);
}
