"""add_embedding's files, as PyTorch 1.13 writes them for TensorBoard's projector: under
<log_dir>/<global_step as 5 digits>/<tag>, the vectors (tensors.tsv) and labels (metadata.tsv), and the
projector's configuration beside the steps. Label images (a sprite PNG) are not drawn."""

import os

from ._values import as_array

_configs = {}


def _encode(tag):
    return tag.replace('%', '%%%02x' % ord('%')).replace('/', '%%%02x' % ord('/')).replace('\\', '%%%02x' % ord('\\'))


def _write(path, text):
    with open(path, 'wb') as f:
        f.write(text.encode('utf-8'))


def _metadata_text(metadata, header):
    if not header:
        return '\n'.join(str(x) for x in metadata) + '\n'
    assert len(header) == len(metadata[0]), 'len of header must be equal to the number of columns in metadata'
    return '\n'.join('\t'.join(str(e) for e in row) for row in [header] + list(metadata)) + '\n'


def add_embedding(log_dir, mat, metadata, label_img, global_step, tag, metadata_header):
    mat = as_array(mat)
    if global_step is None:
        global_step = 0
    subdir = '%s/%s' % (str(global_step).zfill(5), _encode(tag))
    save_path = os.path.join(log_dir, subdir)
    if os.path.exists(save_path):
        if not os.path.isdir(save_path):
            raise Exception('Path: `%s` exists, but is a file. Cannot proceed.' % save_path)
        print('warning: Embedding dir exists, did you set global_step for add_embedding()?')
    else:
        os.makedirs(save_path)
    if metadata is not None:
        assert mat.shape[0] == len(metadata), '#labels should equal with #data points'
        _write(os.path.join(save_path, 'metadata.tsv'), _metadata_text(metadata, metadata_header))
    if label_img is not None:
        assert mat.shape[0] == label_img.shape[0], '#images should equal with #data points'
    assert mat.ndim == 2, 'mat should be 2D, where mat.size(0) is the number of data points'
    _write(
        os.path.join(save_path, 'tensors.tsv'), ''.join('\t'.join(str(v) for v in row.tolist()) + '\n' for row in mat)
    )
    entry = 'embeddings {\n  tensor_name: "%s:%s"\n  tensor_path: "%s"\n' % (
        tag,
        str(global_step).zfill(5),
        os.path.join(subdir, 'tensors.tsv'),
    )
    if metadata is not None:
        entry += '  metadata_path: "%s"\n' % os.path.join(subdir, 'metadata.tsv')
    _configs[log_dir] = _configs.get(log_dir, '') + entry + '}\n'
    _write(os.path.join(log_dir, 'projector_config.pbtxt'), _configs[log_dir])
