// The benchmark workloads in TensorFlow.js: the same networks, losses, optimizers and batches as
// bench/workloads.ts, written the fastest idiomatic way (variables + optimizer.minimize, no Layers API
// overhead). Backends: 'cpu' (plain JavaScript) and 'wasm' (XNNPACK, SIMD, single thread).
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { WorkloadSpec } from './workloads';

let wasmReady = false;

/** Selects a backend; returns false when it cannot start here. */
export async function useTfBackend(name: 'cpu' | 'wasm'): Promise<boolean> {
  if (name === 'wasm' && !wasmReady) {
    const dist =
      path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    setWasmPaths(dist);
    // One thread, as every other row of the table.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setThreadsCount(1);
    wasmReady = true;
  }
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** The workload as a step function on the current backend (variables created here, disposed by `dispose`). */
export function tfWorkload(spec: WorkloadSpec): { step: () => void; dispose: () => void } {
  const vars: tf.Variable[] = [];
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  for (let i = 0; i + 1 < spec.sizes.length; i++) {
    const fanIn = spec.sizes[i];
    const bound = 1 / Math.sqrt(fanIn);
    const w = tf.variable(tf.randomUniform([fanIn, spec.sizes[i + 1]], -bound, bound));
    const b = tf.variable(tf.randomUniform([spec.sizes[i + 1]], -bound, bound));
    layers.push({ w, b });
    vars.push(w, b);
  }
  const x = tf.tensor2d(spec.inputs, [spec.batch, spec.sizes[0]]);
  const outF = spec.sizes[spec.sizes.length - 1];
  const y =
    spec.loss === 'bce'
      ? tf.tensor2d(spec.targets, [spec.batch, 1])
      : tf.oneHot(tf.tensor1d(spec.targets, 'int32'), outF);
  const opt =
    spec.optimizer.kind === 'adam'
      ? tf.train.adam(spec.optimizer.lr)
      : spec.optimizer.momentum
        ? tf.train.momentum(spec.optimizer.lr, spec.optimizer.momentum)
        : tf.train.sgd(spec.optimizer.lr);
  const act = (t: tf.Tensor) => (spec.activation === 'tanh' ? tf.tanh(t) : tf.relu(t));
  const lossFn = (): tf.Scalar => {
    let h: tf.Tensor = x;
    layers.forEach(({ w, b }, i) => {
      h = tf.add(tf.matMul(h, w), b);
      if (i + 1 < layers.length) h = act(h);
    });
    if (spec.loss === 'bce') return tf.losses.logLoss(y, tf.sigmoid(h)) as tf.Scalar;
    return tf.losses.softmaxCrossEntropy(y, h) as tf.Scalar;
  };
  return {
    step: () => tf.tidy(() => void opt.minimize(lossFn, false, vars)),
    dispose: () => {
      opt.dispose();
      tf.dispose([x, y, ...vars]);
    },
  };
}
