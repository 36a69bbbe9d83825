"""TensorBoard event files, written without TensorBoard: each record is framed as TFRecord (the data's length
as a little-endian uint64, its masked CRC-32C, the data, the data's masked CRC-32C), and each record holds an
`Event` protobuf encoded by hand here. Only what SummaryWriter writes for scalars is encoded: the file's version
record, purge_step's restart record and `Summary` values with a `simple_value` (or the `tensor` of
new_style=True), so `tensorboard --logdir runs` shows the curves after a run."""

import os
import struct
import time

from ._panel import host_identity

# CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, as TFRecord frames its records.
_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)
del _n, _c


def crc32c(data):
    crc = 0xFFFFFFFF
    table = _CRC_TABLE
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc32c(data):
    """TFRecord stores CRCs rotated right by 15 bits plus a constant (a CRC of data holding CRCs is weak)."""
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame_record(data):
    length = struct.pack('<Q', len(data))
    return length + struct.pack('<I', masked_crc32c(length)) + data + struct.pack('<I', masked_crc32c(data))


# ---- protobuf wire format (varint = 0, 64-bit = 1, length-delimited = 2, 32-bit = 5) ----------------------


def _varint(n):
    n &= (1 << 64) - 1  # int64: a negative number is its two's complement
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _key(field, wire):
    return _varint((field << 3) | wire)


def _int_field(field, n):
    return _key(field, 0) + _varint(n)


def _double_field(field, x):
    return _key(field, 1) + struct.pack('<d', x)


def _float_field(field, x):
    return _key(field, 5) + struct.pack('<f', x)


def _bytes_field(field, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    return _key(field, 2) + _varint(len(data)) + data


# Field numbers of tensorboard/compat/proto/event.proto, summary.proto and tensor.proto.
_EVENT_WALL_TIME, _EVENT_STEP, _EVENT_FILE_VERSION, _EVENT_SUMMARY, _EVENT_SESSION_LOG = 1, 2, 3, 5, 6
_VALUE_TAG, _VALUE_SIMPLE, _VALUE_TENSOR, _VALUE_METADATA = 1, 2, 8, 9
_DT_FLOAT, _DT_DOUBLE = 1, 2
_SESSION_START = 1


def encode_event(wall_time, step=None, file_version=None, summary=None, session_start=False):
    """An Event message. proto3 leaves a zero step out; the `what` fields are a oneof and always written."""
    out = _double_field(_EVENT_WALL_TIME, wall_time)
    if step:
        out += _int_field(_EVENT_STEP, step)
    if file_version is not None:
        out += _bytes_field(_EVENT_FILE_VERSION, file_version)
    if summary is not None:
        out += _bytes_field(_EVENT_SUMMARY, summary)
    if session_start:
        out += _bytes_field(_EVENT_SESSION_LOG, _int_field(1, _SESSION_START))
    return out


def scalar_summary(tag, value, new_style=False, double_precision=False):
    """A Summary with one Value: `simple_value` (float32), or with new_style the scalars plugin's tensor."""
    if not new_style:
        item = _bytes_field(_VALUE_TAG, tag) + _float_field(_VALUE_SIMPLE, value)
    else:
        if double_precision:
            tensor = _int_field(1, _DT_DOUBLE) + _bytes_field(6, struct.pack('<d', value))
        else:
            tensor = _int_field(1, _DT_FLOAT) + _bytes_field(5, struct.pack('<f', value))
        metadata = _bytes_field(1, _bytes_field(1, 'scalars'))  # SummaryMetadata.plugin_data.plugin_name
        item = (
            _bytes_field(_VALUE_TAG, tag)
            + _bytes_field(_VALUE_TENSOR, tensor)
            + _bytes_field(_VALUE_METADATA, metadata)
        )
    return _bytes_field(1, item)  # Summary.value (repeated)


_file_count = 0


class EventFile:
    """One event file in `log_dir`, named as TensorBoard names them, with its version record written when it is
    created. Records wait in memory until `max_queue` of them are pending, `flush_secs` have passed, or
    flush()/close() (PyTorch's writer flushes from a thread; a run here ends before two minutes mostly)."""

    def __init__(self, log_dir, max_queue=10, flush_secs=120, filename_suffix=''):
        global _file_count
        self.log_dir = str(log_dir)
        os.makedirs(self.log_dir, exist_ok=True)
        name = 'events.out.tfevents.%010d.%s.%s.%s%s' % (
            time.time(),
            *host_identity(),
            _file_count,
            filename_suffix,
        )
        _file_count += 1
        self.path = os.path.join(self.log_dir, name)
        self.max_queue = max_queue
        self.flush_secs = flush_secs
        self._pending = []
        self._flushed_at = time.monotonic()
        self._closed = False
        with open(self.path, 'wb'):
            pass
        self.add(encode_event(time.time(), file_version='brain.Event:2'))
        self.flush()

    def add(self, event):
        if self._closed:
            return
        self._pending.append(frame_record(event))
        if len(self._pending) >= self.max_queue or time.monotonic() - self._flushed_at >= self.flush_secs:
            self.flush()

    def flush(self):
        self._flushed_at = time.monotonic()
        if not self._pending:
            return
        data, self._pending = b''.join(self._pending), []
        try:
            with open(self.path, 'ab') as f:
                f.write(data)
        except OSError:
            pass  # a log folder removed during the run: TensorBoard's writer also goes on without it

    def close(self):
        self.flush()
        self._closed = True
