"""The public modules of PyTorch 1.13 (its package's files under torch/, without private `_` parts and tests),
for telling "a PyTorch module Backprop Lens lacks" (NotImplementedError naming it) from "no such module"
(ModuleNotFoundError, as PyTorch). Made from Debian's python3-torch 1.13.1 with
    find torch -name '*.py' | sed 's/\.py$//; s/\/__init__$//; s/\//./g' | grep -v '\._\|\.testing\|benchmark\|\.tests\?\b'
run in /usr/lib/python3/dist-packages; names below are relative to torch.
"""

_NAMES = """
amp amp.autocast_mode ao ao.nn ao.nn.intrinsic ao.nn.intrinsic.modules ao.nn.intrinsic.modules.fused ao.nn.qat
ao.nn.qat.dynamic ao.nn.qat.dynamic.modules ao.nn.qat.dynamic.modules.linear ao.nn.qat.modules
ao.nn.qat.modules.conv ao.nn.qat.modules.embedding_ops ao.nn.qat.modules.linear ao.nn.quantizable
ao.nn.quantizable.modules ao.nn.quantizable.modules.activation ao.nn.quantizable.modules.rnn ao.nn.quantized
ao.nn.quantized.dynamic ao.nn.quantized.dynamic.modules ao.nn.quantized.dynamic.modules.conv
ao.nn.quantized.dynamic.modules.linear ao.nn.quantized.dynamic.modules.rnn ao.nn.quantized.functional
ao.nn.quantized.modules ao.nn.quantized.modules.activation ao.nn.quantized.modules.batchnorm
ao.nn.quantized.modules.conv ao.nn.quantized.modules.dropout ao.nn.quantized.modules.embedding_ops
ao.nn.quantized.modules.functional_modules ao.nn.quantized.modules.linear ao.nn.quantized.modules.normalization
ao.nn.quantized.modules.rnn ao.nn.quantized.modules.utils ao.nn.quantized.reference
ao.nn.quantized.reference.modules ao.nn.quantized.reference.modules.conv
ao.nn.quantized.reference.modules.linear ao.nn.quantized.reference.modules.rnn
ao.nn.quantized.reference.modules.sparse ao.nn.quantized.reference.modules.utils ao.nn.sparse
ao.nn.sparse.quantized ao.nn.sparse.quantized.dynamic ao.nn.sparse.quantized.dynamic.linear
ao.nn.sparse.quantized.linear ao.nn.sparse.quantized.utils ao.ns ao.ns.fx ao.ns.fx.graph_matcher
ao.ns.fx.graph_passes ao.ns.fx.mappings ao.ns.fx.ns_types ao.ns.fx.pattern_utils ao.ns.fx.utils
ao.ns.fx.weight_utils ao.quantization ao.quantization.backend_config
ao.quantization.backend_config.backend_config ao.quantization.backend_config.executorch
ao.quantization.backend_config.fbgemm ao.quantization.backend_config.native
ao.quantization.backend_config.observation_type ao.quantization.backend_config.qnnpack
ao.quantization.backend_config.tensorrt ao.quantization.backend_config.utils ao.quantization.backend_config.x86
ao.quantization.fake_quantize ao.quantization.fuse_modules ao.quantization.fuser_method_mappings
ao.quantization.fx ao.quantization.fx.backend_config_utils ao.quantization.fx.convert
ao.quantization.fx.custom_config ao.quantization.fx.fuse ao.quantization.fx.fusion_patterns
ao.quantization.fx.graph_module ao.quantization.fx.lower_to_fbgemm ao.quantization.fx.lower_to_qnnpack
ao.quantization.fx.match_utils ao.quantization.fx.pattern_utils ao.quantization.fx.prepare
ao.quantization.fx.qconfig_mapping_utils ao.quantization.fx.quantization_patterns ao.quantization.fx.tracer
ao.quantization.fx.utils ao.quantization.observer ao.quantization.qconfig ao.quantization.qconfig_mapping
ao.quantization.qconfig_mapping_utils ao.quantization.quant_type ao.quantization.quantization_mappings
ao.quantization.quantization_types ao.quantization.quantize ao.quantization.quantize_fx
ao.quantization.quantize_jit ao.quantization.stubs ao.quantization.utils ao.sparsity ao.sparsity.scheduler
ao.sparsity.scheduler.base_scheduler ao.sparsity.scheduler.cubic_scheduler
ao.sparsity.scheduler.lambda_scheduler ao.sparsity.sparsifier ao.sparsity.sparsifier.base_sparsifier
ao.sparsity.sparsifier.nearly_diagonal_sparsifier ao.sparsity.sparsifier.utils
ao.sparsity.sparsifier.weight_norm_sparsifier autograd autograd.anomaly_mode autograd.forward_ad
autograd.function autograd.functional autograd.grad_mode autograd.gradcheck autograd.graph autograd.profiler
autograd.profiler_legacy autograd.profiler_util autograd.variable backends backends.cuda backends.cudnn
backends.cudnn.rnn backends.mkl backends.mkldnn backends.mps backends.openmp backends.opt_einsum
backends.quantized backends.xeon backends.xeon.run_cpu backends.xnnpack contrib cpu cpu.amp
cpu.amp.autocast_mode cuda cuda.amp cuda.amp.autocast_mode cuda.amp.common cuda.amp.grad_scaler cuda.comm
cuda.error cuda.graphs cuda.jiterator cuda.memory cuda.nccl cuda.nvtx cuda.profiler cuda.random cuda.sparse
cuda.streams distributed distributed.algorithms distributed.algorithms.ddp_comm_hooks
distributed.algorithms.ddp_comm_hooks.ddp_zero_hook distributed.algorithms.ddp_comm_hooks.debugging_hooks
distributed.algorithms.ddp_comm_hooks.default_hooks
distributed.algorithms.ddp_comm_hooks.optimizer_overlap_hooks
distributed.algorithms.ddp_comm_hooks.post_localSGD_hook distributed.algorithms.ddp_comm_hooks.powerSGD_hook
distributed.algorithms.ddp_comm_hooks.quantization_hooks distributed.algorithms.join
distributed.algorithms.model_averaging distributed.algorithms.model_averaging.averagers
distributed.algorithms.model_averaging.hierarchical_model_averager distributed.algorithms.model_averaging.utils
distributed.argparse_util distributed.autograd distributed.constants distributed.distributed_c10d
distributed.elastic distributed.elastic.agent distributed.elastic.agent.server
distributed.elastic.agent.server.api distributed.elastic.agent.server.local_elastic_agent
distributed.elastic.events distributed.elastic.events.api distributed.elastic.events.handlers
distributed.elastic.metrics distributed.elastic.metrics.api distributed.elastic.multiprocessing
distributed.elastic.multiprocessing.api distributed.elastic.multiprocessing.errors
distributed.elastic.multiprocessing.errors.error_handler distributed.elastic.multiprocessing.errors.handlers
distributed.elastic.multiprocessing.redirects distributed.elastic.multiprocessing.tail_log
distributed.elastic.rendezvous distributed.elastic.rendezvous.api
distributed.elastic.rendezvous.c10d_rendezvous_backend distributed.elastic.rendezvous.dynamic_rendezvous
distributed.elastic.rendezvous.etcd_rendezvous distributed.elastic.rendezvous.etcd_rendezvous_backend
distributed.elastic.rendezvous.etcd_server distributed.elastic.rendezvous.etcd_store
distributed.elastic.rendezvous.registry distributed.elastic.rendezvous.static_tcp_rendezvous
distributed.elastic.rendezvous.utils distributed.elastic.timer distributed.elastic.timer.api
distributed.elastic.timer.file_based_local_timer distributed.elastic.timer.local_timer distributed.elastic.utils
distributed.elastic.utils.api distributed.elastic.utils.data distributed.elastic.utils.data.cycling_iterator
distributed.elastic.utils.data.elastic_distributed_sampler distributed.elastic.utils.distributed
distributed.elastic.utils.log_level distributed.elastic.utils.logging distributed.elastic.utils.store
distributed.fsdp distributed.fsdp.flat_param distributed.fsdp.flatten_params_wrapper
distributed.fsdp.fully_sharded_data_parallel distributed.fsdp.sharded_grad_scaler distributed.fsdp.utils
distributed.fsdp.wrap distributed.launch distributed.launcher distributed.launcher.api distributed.nn
distributed.nn.api distributed.nn.api.remote_module distributed.nn.functional distributed.nn.jit
distributed.nn.jit.instantiator distributed.nn.jit.templates distributed.nn.jit.templates.remote_module_template
distributed.optim distributed.optim.functional_adadelta distributed.optim.functional_adagrad
distributed.optim.functional_adam distributed.optim.functional_adamax distributed.optim.functional_adamw
distributed.optim.functional_rmsprop distributed.optim.functional_rprop distributed.optim.functional_sgd
distributed.optim.optimizer distributed.optim.post_localSGD_optimizer distributed.optim.utils
distributed.optim.zero_redundancy_optimizer distributed.pipeline distributed.pipeline.sync
distributed.pipeline.sync.batchnorm distributed.pipeline.sync.checkpoint distributed.pipeline.sync.copy
distributed.pipeline.sync.dependency distributed.pipeline.sync.microbatch distributed.pipeline.sync.phony
distributed.pipeline.sync.pipe distributed.pipeline.sync.pipeline distributed.pipeline.sync.skip
distributed.pipeline.sync.skip.layout distributed.pipeline.sync.skip.namespace
distributed.pipeline.sync.skip.portal distributed.pipeline.sync.skip.skippable
distributed.pipeline.sync.skip.tracker distributed.pipeline.sync.stream distributed.pipeline.sync.utils
distributed.pipeline.sync.worker distributed.remote_device distributed.rendezvous distributed.rpc
distributed.rpc.api distributed.rpc.backend_registry distributed.rpc.constants distributed.rpc.functions
distributed.rpc.internal distributed.rpc.options distributed.rpc.rref_proxy
distributed.rpc.server_process_global_profiler distributed.run distributed.utils distributions
distributions.bernoulli distributions.beta distributions.binomial distributions.categorical distributions.cauchy
distributions.chi2 distributions.constraint_registry distributions.constraints
distributions.continuous_bernoulli distributions.dirichlet distributions.distribution distributions.exp_family
distributions.exponential distributions.fishersnedecor distributions.gamma distributions.geometric
distributions.gumbel distributions.half_cauchy distributions.half_normal distributions.independent
distributions.kl distributions.kumaraswamy distributions.laplace distributions.lkj_cholesky
distributions.log_normal distributions.logistic_normal distributions.lowrank_multivariate_normal
distributions.mixture_same_family distributions.multinomial distributions.multivariate_normal
distributions.negative_binomial distributions.normal distributions.one_hot_categorical distributions.pareto
distributions.poisson distributions.relaxed_bernoulli distributions.relaxed_categorical distributions.studentT
distributions.transformed_distribution distributions.transforms distributions.uniform distributions.utils
distributions.von_mises distributions.weibull distributions.wishart fft functional futures fx fx.annotate
fx.experimental fx.experimental.accelerator_partitioner fx.experimental.const_fold fx.experimental.debug
fx.experimental.graph_gradual_typechecker fx.experimental.merge_matmul fx.experimental.meta_tracer
fx.experimental.migrate_gradual_types fx.experimental.migrate_gradual_types.constraint
fx.experimental.migrate_gradual_types.constraint_generator
fx.experimental.migrate_gradual_types.constraint_transformation fx.experimental.migrate_gradual_types.operation
fx.experimental.migrate_gradual_types.transform_to_z3 fx.experimental.migrate_gradual_types.util
fx.experimental.migrate_gradual_types.z3_types fx.experimental.normalize fx.experimental.optimization
fx.experimental.partitioner_utils fx.experimental.proxy_tensor fx.experimental.refinement_types
fx.experimental.rewriter fx.experimental.schema_type_annotation fx.experimental.symbolic_shapes
fx.experimental.unification fx.experimental.unification.core fx.experimental.unification.dispatch
fx.experimental.unification.match fx.experimental.unification.more fx.experimental.unification.multipledispatch
fx.experimental.unification.multipledispatch.conflict fx.experimental.unification.multipledispatch.core
fx.experimental.unification.multipledispatch.dispatcher fx.experimental.unification.multipledispatch.utils
fx.experimental.unification.multipledispatch.variadic fx.experimental.unification.unification_tools
fx.experimental.unification.utils fx.experimental.unification.variable fx.experimental.unify_refinements
fx.graph fx.graph_module fx.immutable_collections fx.interpreter fx.node fx.operator_schemas fx.passes
fx.passes.backends fx.passes.backends.cudagraphs fx.passes.backends.nvfuser fx.passes.dialect
fx.passes.dialect.common fx.passes.dialect.common.cse_pass fx.passes.fake_tensor_prop fx.passes.graph_drawer
fx.passes.graph_manipulation fx.passes.infra fx.passes.infra.partitioner fx.passes.infra.pass_base
fx.passes.infra.pass_manager fx.passes.net_min_base fx.passes.operator_support fx.passes.param_fetch
fx.passes.pass_manager fx.passes.reinplace fx.passes.shape_prop fx.passes.split_module fx.passes.split_utils
fx.passes.splitter_base fx.passes.tools_common fx.passes.utils fx.passes.utils.common
fx.passes.utils.fuser_utils fx.passes.utils.matcher_utils fx.proxy fx.subgraph_rewriter fx.tensor_type
fx.traceback hub jit jit.annotations jit.frontend jit.generate_bytecode jit.mobile jit.quantized
jit.supported_ops jit.unsupported_tensor_ops library linalg masked masked.maskedtensor
masked.maskedtensor.binary masked.maskedtensor.core masked.maskedtensor.creation masked.maskedtensor.passthrough
masked.maskedtensor.reductions masked.maskedtensor.unary monitor multiprocessing multiprocessing.pool
multiprocessing.queue multiprocessing.reductions multiprocessing.spawn nested nn nn.backends nn.backends.thnn
nn.common_types nn.cpp nn.functional nn.grad nn.init nn.intrinsic nn.intrinsic.modules
nn.intrinsic.modules.fused nn.intrinsic.qat nn.intrinsic.qat.modules nn.intrinsic.qat.modules.conv_fused
nn.intrinsic.qat.modules.linear_fused nn.intrinsic.qat.modules.linear_relu nn.intrinsic.quantized
nn.intrinsic.quantized.dynamic nn.intrinsic.quantized.dynamic.modules
nn.intrinsic.quantized.dynamic.modules.linear_relu nn.intrinsic.quantized.modules
nn.intrinsic.quantized.modules.bn_relu nn.intrinsic.quantized.modules.conv_relu
nn.intrinsic.quantized.modules.linear_relu nn.modules nn.modules.activation nn.modules.adaptive
nn.modules.batchnorm nn.modules.channelshuffle nn.modules.container nn.modules.conv nn.modules.distance
nn.modules.dropout nn.modules.flatten nn.modules.fold nn.modules.instancenorm nn.modules.lazy nn.modules.linear
nn.modules.loss nn.modules.module nn.modules.normalization nn.modules.padding nn.modules.pixelshuffle
nn.modules.pooling nn.modules.rnn nn.modules.sparse nn.modules.transformer nn.modules.upsampling
nn.modules.utils nn.parallel nn.parallel.comm nn.parallel.data_parallel nn.parallel.distributed
nn.parallel.parallel_apply nn.parallel.replicate nn.parallel.scatter_gather nn.parameter nn.qat nn.qat.dynamic
nn.qat.dynamic.modules nn.qat.dynamic.modules.linear nn.qat.modules nn.qat.modules.conv
nn.qat.modules.embedding_ops nn.qat.modules.linear nn.quantizable nn.quantizable.modules
nn.quantizable.modules.activation nn.quantizable.modules.rnn nn.quantized nn.quantized.dynamic
nn.quantized.dynamic.modules nn.quantized.dynamic.modules.conv nn.quantized.dynamic.modules.linear
nn.quantized.dynamic.modules.rnn nn.quantized.functional nn.quantized.modules nn.quantized.modules.activation
nn.quantized.modules.batchnorm nn.quantized.modules.conv nn.quantized.modules.dropout
nn.quantized.modules.embedding_ops nn.quantized.modules.functional_modules nn.quantized.modules.linear
nn.quantized.modules.normalization nn.quantized.modules.rnn nn.quantized.modules.utils nn.utils
nn.utils.clip_grad nn.utils.convert_parameters nn.utils.fusion nn.utils.init nn.utils.memory_format
nn.utils.parametrizations nn.utils.parametrize nn.utils.prune nn.utils.rnn nn.utils.spectral_norm
nn.utils.stateless nn.utils.weight_norm onnx onnx.errors onnx.operators onnx.symbolic_caffe2
onnx.symbolic_helper onnx.symbolic_opset10 onnx.symbolic_opset11 onnx.symbolic_opset12 onnx.symbolic_opset13
onnx.symbolic_opset14 onnx.symbolic_opset15 onnx.symbolic_opset16 onnx.symbolic_opset17 onnx.symbolic_opset7
onnx.symbolic_opset8 onnx.symbolic_opset9 onnx.utils onnx.verification optim optim.adadelta optim.adagrad
optim.adam optim.adamax optim.adamw optim.asgd optim.lbfgs optim.lr_scheduler optim.nadam optim.optimizer
optim.radam optim.rmsprop optim.rprop optim.sgd optim.sparse_adam optim.swa_utils overrides package
package.analyze package.analyze.find_first_use_of_broken_modules package.analyze.is_from_package
package.analyze.trace_dependencies package.file_structure_representation package.find_file_dependencies
package.glob_group package.importer package.package_exporter package.package_importer profiler profiler.itt
profiler.profiler profiler.python_tracer quantization quantization.fake_quantize quantization.fuse_modules
quantization.fuser_method_mappings quantization.fx quantization.fx.convert quantization.fx.fuse
quantization.fx.fusion_patterns quantization.fx.graph_module quantization.fx.match_utils
quantization.fx.pattern_utils quantization.fx.prepare quantization.fx.quantization_patterns
quantization.fx.quantization_types quantization.fx.utils quantization.observer quantization.qconfig
quantization.quant_type quantization.quantization_mappings quantization.quantize quantization.quantize_fx
quantization.quantize_jit quantization.stubs quantization.utils quasirandom random return_types serialization
sparse special storage torch_version types utils utils.backcompat utils.bottleneck utils.bundled_inputs
utils.checkpoint utils.collect_env utils.cpp_backtrace utils.cpp_extension utils.data
utils.data.backward_compatibility utils.data.communication utils.data.communication.eventloop
utils.data.communication.iter utils.data.communication.map utils.data.communication.messages
utils.data.communication.protocol utils.data.communication.queue utils.data.dataloader
utils.data.dataloader_experimental utils.data.datapipes utils.data.datapipes.dataframe
utils.data.datapipes.dataframe.dataframe_wrapper utils.data.datapipes.dataframe.dataframes
utils.data.datapipes.dataframe.datapipes utils.data.datapipes.dataframe.structures utils.data.datapipes.datapipe
utils.data.datapipes.gen_pyi utils.data.datapipes.iter utils.data.datapipes.iter.callable
utils.data.datapipes.iter.combinatorics utils.data.datapipes.iter.combining utils.data.datapipes.iter.filelister
utils.data.datapipes.iter.fileopener utils.data.datapipes.iter.grouping utils.data.datapipes.iter.routeddecoder
utils.data.datapipes.iter.selecting utils.data.datapipes.iter.streamreader utils.data.datapipes.iter.utils
utils.data.datapipes.map utils.data.datapipes.map.callable utils.data.datapipes.map.combinatorics
utils.data.datapipes.map.combining utils.data.datapipes.map.grouping utils.data.datapipes.map.utils
utils.data.datapipes.utils utils.data.datapipes.utils.common utils.data.datapipes.utils.decoder
utils.data.datapipes.utils.snapshot utils.data.dataset utils.data.distributed utils.data.graph
utils.data.graph_settings utils.data.sampler utils.dlpack utils.file_baton utils.hipify utils.hipify.constants
utils.hipify.cuda_to_hip_mappings utils.hipify.hipify_python utils.hipify.version utils.hooks utils.jit
utils.jit.log_extract utils.mkldnn utils.mobile_optimizer utils.model_dump utils.model_zoo utils.show_pickle
utils.tensorboard utils.tensorboard.summary utils.tensorboard.writer version
"""
# torch.utils.benchmark, left out by the filter above (its package name matched `benchmark`): the part we
# have (Timer, Measurement, Compare) and the fuzzers and Callgrind wrapper we lack.
_NAMES += """
utils.benchmark utils.benchmark.utils utils.benchmark.utils.common utils.benchmark.utils.compare
utils.benchmark.utils.timer utils.benchmark.utils.fuzzer utils.benchmark.utils.sparse_fuzzer
utils.benchmark.utils.cpp_jit utils.benchmark.utils.valgrind_wrapper
utils.benchmark.utils.valgrind_wrapper.timer_interface utils.benchmark.op_fuzzers utils.benchmark.examples
"""

PYTORCH_MODULES = frozenset('torch.' + name for name in _NAMES.split())
