"""torch.utils.tensorboard's SummaryWriter and FileWriter, as PyTorch 1.13 has them, without TensorBoard.

Scalars (add_scalar, add_scalars, add_hparams' metrics) are written to real event files that `tensorboard
--logdir runs` reads, and are drawn in Backprop Lens's panel. The other kinds (histograms, images, figures,
text, graphs, embeddings, PR curves, meshes) are checked as PyTorch checks them and not written, except the
folders PyTorch creates for them. Like PyTorch's, the writer prints nothing."""

import atexit
import os
import time

from . import _panel
from ._event_file import EventFile, encode_event, scalar_summary
from ._values import as_array, check_histogram, check_image, check_text
from ._values import scalar_value as _as_scalar

__all__ = ['FileWriter', 'SummaryWriter']


class FileWriter:
    """Writes events to an event file in `log_dir` (created, with the file, on construction)."""

    def __init__(self, log_dir, max_queue=10, flush_secs=120, filename_suffix=''):
        log_dir = str(log_dir)
        self._args = (log_dir, max_queue, flush_secs, filename_suffix)
        self.event_writer = EventFile(*self._args)

    def get_logdir(self):
        return self.event_writer.log_dir

    def add_event(self, event, step=None, walltime=None):
        """`event`: a function of (wall_time, step) giving the encoded Event (there are no protobuf classes)."""
        wall_time = time.time() if walltime is None else walltime
        self.event_writer.add(event(wall_time, None if step is None else int(step)))

    def add_summary(self, summary, global_step=None, walltime=None):
        self.add_event(lambda wall, step: encode_event(wall, step, summary=summary), global_step, walltime)

    def flush(self):
        self.event_writer.flush()

    def close(self):
        self.event_writer.close()

    def reopen(self):
        if self.event_writer._closed:
            self.event_writer = EventFile(*self._args)


class SummaryWriter:
    """Logs scalars, histograms, images, graphs... for TensorBoard under `log_dir` (by default
    runs/<month><day>_<hour>-<minute>-<second>_<host name><comment>)."""

    def __init__(self, log_dir=None, comment='', purge_step=None, max_queue=10, flush_secs=120, filename_suffix=''):
        if not log_dir:
            from datetime import datetime

            host = _panel.host_identity()[0]
            log_dir = os.path.join('runs', datetime.now().strftime('%b%d_%H-%M-%S') + '_' + host + comment)
        self.log_dir = log_dir
        self.purge_step = purge_step
        self.max_queue = max_queue
        self.flush_secs = flush_secs
        self.filename_suffix = filename_suffix
        self.file_writer = self.all_writers = None
        self._get_file_writer()
        # A file that never calls close(): what it logged still reaches the disk when the run ends.
        atexit.register(self.flush)

    def _get_file_writer(self):
        if self.all_writers is None or self.file_writer is None:
            self.file_writer = FileWriter(self.log_dir, self.max_queue, self.flush_secs, self.filename_suffix)
            self.all_writers = {self.file_writer.get_logdir(): self.file_writer}
            if self.purge_step is not None:
                step = self.purge_step
                self.file_writer.add_event(lambda wall, s: encode_event(wall, s, file_version='brain.Event:2'), step)
                self.file_writer.add_event(lambda wall, s: encode_event(wall, s, session_start=True), step)
                self.purge_step = None
        return self.file_writer

    def get_logdir(self):
        return self.log_dir

    def _run_name(self):
        return os.path.basename(os.path.normpath(str(self.log_dir)))

    # ---- scalars: event files and the panel ------------------------------------------------------------

    def add_scalar(self, tag, scalar_value, global_step=None, walltime=None, new_style=False, double_precision=False):
        value = _as_scalar(scalar_value)
        summary = scalar_summary(tag, value, new_style=new_style, double_precision=double_precision)
        self._get_file_writer().add_summary(summary, global_step, walltime)
        _panel.report(tag, self._run_name(), None if global_step is None else int(global_step), value)

    def add_scalars(self, main_tag, tag_scalar_dict, global_step=None, walltime=None):
        walltime = time.time() if walltime is None else walltime
        logdir = self._get_file_writer().get_logdir()
        for tag, value in tag_scalar_dict.items():
            # Each tag is a run of its own in TensorBoard: a folder beside the writer's events.
            run = logdir + '/' + main_tag.replace('/', '_') + '_' + tag
            writer = self.all_writers.get(run)
            if writer is None:
                writer = self.all_writers[run] = FileWriter(run, self.max_queue, self.flush_secs, self.filename_suffix)
            number = _as_scalar(value)
            writer.add_summary(scalar_summary(main_tag, number), global_step, walltime)
            _panel.report(main_tag, tag, None if global_step is None else int(global_step), number)

    def add_hparams(self, hparam_dict, metric_dict, hparam_domain_discrete=None, run_name=None):
        if type(hparam_dict) is not dict or type(metric_dict) is not dict:
            raise TypeError('hparam_dict and metric_dict should be dictionary.')
        if not run_name:
            run_name = str(time.time())
        with SummaryWriter(log_dir=os.path.join(self._get_file_writer().get_logdir(), run_name)) as w_hp:
            for k, v in metric_dict.items():
                w_hp.add_scalar(k, v)

    # ---- checked as PyTorch checks them, not written ---------------------------------------------------

    def add_histogram(self, tag, values, global_step=None, bins='tensorflow', walltime=None, max_bins=None):
        check_histogram(values)
        self._get_file_writer()

    def add_histogram_raw(
        self, tag, min, max, num, sum, sum_squares, bucket_limits, bucket_counts, global_step=None, walltime=None
    ):
        if len(bucket_limits) != len(bucket_counts):
            raise ValueError('len(bucket_limits) != len(bucket_counts), see the document.')

    def add_image(self, tag, img_tensor, global_step=None, walltime=None, dataformats='CHW'):
        check_image(img_tensor, dataformats)

    def add_images(self, tag, img_tensor, global_step=None, walltime=None, dataformats='NCHW'):
        check_image(img_tensor, dataformats)

    def add_image_with_boxes(
        self, tag, img_tensor, box_tensor, global_step=None, walltime=None, rescale=1, dataformats='CHW', labels=None
    ):
        check_image(img_tensor, dataformats)

    def add_figure(self, tag, figure, global_step=None, close=True, walltime=None):
        # PyTorch draws the figure into an image and then closes it (so it is not shown at the end).
        if close:
            import matplotlib.pyplot as plt

            for fig in figure if isinstance(figure, list) else [figure]:
                plt.close(fig)

    def add_video(self, tag, vid_tensor, global_step=None, fps=4, walltime=None):
        as_array(vid_tensor)

    def add_audio(self, tag, snd_tensor, global_step=None, sample_rate=44100, walltime=None):
        as_array(snd_tensor)

    def add_text(self, tag, text_string, global_step=None, walltime=None):
        check_text(text_string)

    def add_graph(self, model, input_to_model=None, verbose=False, use_strict_trace=True):
        from ._graph import trace_model

        trace_model(model, input_to_model)

    def add_embedding(self, mat, metadata=None, label_img=None, global_step=None, tag='default', metadata_header=None):
        from ._embedding import add_embedding

        add_embedding(self._get_file_writer().get_logdir(), mat, metadata, label_img, global_step, tag, metadata_header)

    def add_pr_curve(self, tag, labels, predictions, global_step=None, num_thresholds=127, weights=None, walltime=None):
        as_array(labels)
        as_array(predictions)

    def add_pr_curve_raw(
        self,
        tag,
        true_positive_counts,
        false_positive_counts,
        true_negative_counts,
        false_negative_counts,
        precision,
        recall,
        global_step=None,
        num_thresholds=127,
        weights=None,
        walltime=None,
    ):
        pass

    def add_custom_scalars_multilinechart(self, tags, category='default', title='untitled'):
        pass

    def add_custom_scalars_marginchart(self, tags, category='default', title='untitled'):
        assert len(tags) == 3

    def add_custom_scalars(self, layout):
        pass

    def add_mesh(self, tag, vertices, colors=None, faces=None, config_dict=None, global_step=None, walltime=None):
        as_array(vertices)

    def add_onnx_graph(self, prototxt):
        pass

    # ---- lifetime ------------------------------------------------------------------------------------

    def flush(self):
        if self.all_writers is None:
            return
        for writer in self.all_writers.values():
            writer.flush()

    def close(self):
        if self.all_writers is None:
            return
        for writer in self.all_writers.values():
            writer.flush()
            writer.close()
        self.file_writer = self.all_writers = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()
