// barrier(ctrl, index, target): a monotonic-counter barrier on a shared Int32Array.
// Each arrival adds 1; everybody sleeps (Atomics.wait) until the counter reaches `target`.
function barrier(ctrl, index, target) {
  const arrived = Atomics.add(ctrl, index, 1) + 1;
  if (arrived >= target) {
    Atomics.notify(ctrl, index);
    return;
  }
  for (;;) {
    const seen = Atomics.load(ctrl, index);
    if (seen >= target) return;
    Atomics.wait(ctrl, index, seen, 1000);
  }
}
module.exports = { barrier };
