// Our torchvision subset through the CLI, where conformance files cannot reach: what it says for what it
// lacks (pretrained weights and downloads need the network; PIL images need Pillow; other architectures and
// datasets are not there yet), each a NotImplementedError naming the feature and what to do instead, and the
// reader of the NumPy pickles CIFAR ships (fed a pickle real NumPy wrote). Outputs of what it has are checked
// against real torchvision by the conformance files torchvision_*.py. Uses the built dist/: run
// `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliFileRunner, raisedBy } from './cli-helpers';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const run = cliFileRunner('bl-tv-', 'vision.py');
const raised = (setup: string, cases: Record<string, string>) => raisedBy(run, setup, cases);

test('pretrained weights and downloads: a NotImplementedError naming them and what to do offline', () => {
  const got = raised('import torchvision\nfrom torchvision import models, datasets\n', {
    weights: 'models.resnet18(weights=models.ResNet18_Weights.DEFAULT)',
    weightsName: "models.mobilenet_v2(weights='IMAGENET1K_V1')",
    pretrained: 'models.vgg11(pretrained=True)',
    stateDict: 'models.ResNet50_Weights.IMAGENET1K_V2.get_state_dict()',
    mnist: "datasets.MNIST('data', train=True, download=True)",
    cifar: "datasets.CIFAR10('data', download=True)",
    missing: "datasets.MNIST('data')",
  });
  assert.match(
    got.get('weights')!,
    /^NotImplementedError: torchvision\.models\.resnet18\(weights=ResNet18_Weights\.IMAGENET1K_V1\) .*offline.*weights=None/,
  );
  assert.match(
    got.get('weightsName')!,
    /^NotImplementedError: torchvision\.models\.mobilenet_v2\(weights='IMAGENET1K_V1'\)/,
  );
  assert.match(
    got.get('pretrained')!,
    /^NotImplementedError: torchvision\.models\.vgg11\(pretrained=True\) .*cannot download/,
  );
  assert.match(got.get('stateDict')!, /^NotImplementedError: ResNet50_Weights\.IMAGENET1K_V2\.get_state_dict/);
  assert.match(
    got.get('mnist')!,
    /^NotImplementedError: torchvision\.datasets\.MNIST\(download=True\) .*train-images-idx3-ubyte.* in data\/MNIST\/raw/,
  );
  assert.match(
    got.get('cifar')!,
    /^NotImplementedError: torchvision\.datasets\.CIFAR10\(download=True\) .*cifar-10-batches-py/,
  );
  // Without download=True, torchvision's own error.
  assert.equal(got.get('missing'), 'RuntimeError: Dataset not found. You can use download=True to download it');
});

test('what needs Pillow says so and points to tensors; the rest of torchvision is named as missing', () => {
  const setup = [
    'import os, struct, torch',
    'from torchvision import datasets, models, transforms, utils',
    'import torchvision.transforms.functional as TF',
    "os.makedirs('data/MNIST/raw')",
    "for name, shape in (('images-idx3', (2, 4, 4)), ('labels-idx1', (2,))):",
    "    for split in ('train', 't10k'):",
    "        with open(f'data/MNIST/raw/{split}-{name}-ubyte', 'wb') as f:",
    "            f.write(struct.pack('>I', 0x0800 + len(shape)) + b''.join(struct.pack('>I', s) for s in shape))",
    '            f.write(bytes(range(16 * shape[0] if len(shape) > 1 else shape[0])))',
    "img, label = datasets.MNIST('data')[1]",
  ].join('\n');
  const got = raised(setup, {
    toTensor: 'print(transforms.ToTensor()(img)[0, 0].tolist(), label, img.size)',
    cropFlip: 'print(TF.hflip(transforms.CenterCrop(2)(img)).pixels.tolist())',
    resize: 'transforms.Resize(8)(img)',
    pilMethod: "img.convert('RGB')",
    toPil: 'transforms.ToPILImage()(torch.rand(3, 4, 4))',
    saveImage: "utils.save_image(torch.rand(3, 4, 4), 'x.png')",
    blur: 'transforms.GaussianBlur(3)',
    densenet: 'models.densenet121()',
    roiAlign: "__import__('torchvision.ops', fromlist=['ops']).roi_align(torch.rand(1, 1, 4, 4), torch.zeros(1, 5), 2)",
    opsTypo: "__import__('torchvision.ops', fromlist=['ops']).box_ious",
    hasattr: "print(hasattr(models, 'densenet121'), hasattr(models, 'resnet18'))",
    typo: 'models.resnet19()',
    imageFolder: "datasets.ImageFolder('data')",
    imageFolderPil: "open('data/MNIST/a.png', 'wb').close(); datasets.ImageFolder('data')[0]",
    pil: 'import PIL',
  });
  assert.equal(got.get('toTensor'), 'no error');
  assert.equal(got.get('cropFlip'), 'no error');
  assert.match(
    got.get('resize')!,
    /^NotImplementedError: Resizing a PIL image .*transforms\.ToTensor\(\) before Resize/,
  );
  assert.match(got.get('pilMethod')!, /^NotImplementedError: PIL\.Image\.Image\.convert .*no Pillow/);
  assert.match(got.get('toPil')!, /^NotImplementedError: torchvision\.transforms\.ToPILImage .*tensors/);
  assert.match(got.get('saveImage')!, /^NotImplementedError: torchvision\.utils\.save_image .*plt\.savefig/);
  assert.match(got.get('blur')!, /^NotImplementedError: torchvision\.transforms\.GaussianBlur is not supported/);
  assert.match(got.get('densenet')!, /^NotImplementedError: torchvision\.models\.densenet121 is not supported/);
  assert.match(got.get('roiAlign')!, /^NotImplementedError: torchvision\.ops\.roi_align is not supported/);
  assert.equal(got.get('opsTypo'), "AttributeError: module 'torchvision.ops' has no attribute 'box_ious'");
  assert.equal(got.get('typo'), "AttributeError: module 'torchvision.models' has no attribute 'resnet19'");
  // torchvision's own error: the class folder MNIST holds no image file.
  assert.equal(
    got.get('imageFolder'),
    'FileNotFoundError: Found no valid file for the classes MNIST. Supported extensions are: .jpg, .jpeg, .png, .ppm, .bmp, .pgm, .tif, .tiff, .webp',
  );
  // A .png is found (one sample), but opening it needs Pillow.
  assert.match(got.get('imageFolderPil')!, /^NotImplementedError: Opening a\.png as a PIL image .*no Pillow/);
  assert.match(
    got.get('pil')!,
    /^ModuleNotFoundError: No module named 'PIL': .*torchvision's transforms, models and datasets/,
  );
  // The second image's first row (bytes 16..19) scaled to [0, 1] as ToTensor does, the label byte, (W, H).
  const out = run(setup + '\nprint((transforms.ToTensor()(img)[0, 0] * 255).round().tolist(), label, img.size)\n');
  assert.equal(out.stdout, '[16.0, 17.0, 18.0, 19.0] 1 (4, 4)\n');
});

test('CIFAR pickles: NumPy arrays come back as tensors of their dtype and shape, labels as lists', () => {
  // pickle.dumps({'batch_label': 'b', 'data': np.arange(12, dtype=np.uint8).reshape(2, 6) * 20, 'labels': [3, 7],
  //   'f': np.array([[1.5, -2.25]], dtype='<f4'), 'i': np.array([-1, 2**40])}, protocol=2), by NumPy 1.24.
  const pickled =
    '80027d710028580b00000062617463685f6c6162656c710158010000006271025804000000646174617103636e756d70792e636f72652e6d756c746961727261790a5f7265636f6e7374727563740a7104636e756d70790a6e6461727261790a71054b00857106635f636f646563730a656e636f64650a7107580100000062710858060000006c6174696e31710986710a52710b87710c52710d284b014b024b0686710e636e756d70790a64747970650a710f5802000000753171108988877111527112284b0358010000007c71134e4e4e4affffffff4affffffff4b007471146289680758110000000014283c506478c28cc2a0c2b4c388c39c711568098671165271177471186258060000006c6162656c7371195d711a284b034b0765580100000066711b680468054b0085711c680b87711d52711e284b014b014b0286711f680f5802000000663471208988877121527122284b0358010000003c71234e4e4e4affffffff4affffffff4b0074712462896807580a0000000000c3803f000010c38071256809867126527127747128625801000000697129680468054b0085712a680b87712b52712c284b014b0285712d680f58020000006938712e898887712f527130284b0368234e4e4e4affffffff4affffffff4b00747131628968075818000000c3bfc3bfc3bfc3bfc3bfc3bfc3bfc3bf00000000000100007132680986713352713474713562752e';
  const out = run(
    [
      'import io, pickle',
      'from torchvision.datasets import _pickled_arrays',
      `d = _pickled_arrays.load(io.BytesIO(bytes.fromhex('${pickled}')))`,
      "print(d['batch_label'], d['labels'])",
      "print(d['data'])",
      "print(d['f'], d['i'])",
      "evil = pickle.dumps({'x': print})",
      'try:',
      '    _pickled_arrays.load(io.BytesIO(evil))',
      'except pickle.UnpicklingError as e:',
      '    print(e)',
    ].join('\n') + '\n',
  );
  assert.equal(out.status, 0, out.stderr);
  assert.equal(
    out.stdout,
    [
      'b [3, 7]',
      'tensor([[  0,  20,  40,  60,  80, 100],',
      '        [120, 140, 160, 180, 200, 220]], dtype=torch.uint8)',
      'tensor([[ 1.5000, -2.2500]]) tensor([           -1, 1099511627776])',
      'builtins.print is not allowed in a dataset pickle',
      '',
    ].join('\n'),
  );
});

test('CIFAR10 reads a cifar-10-batches-py folder as real torchvision does (fixtures/torchvision)', () => {
  const fixtures = path.join(__dirname, 'fixtures', 'torchvision');
  const out = spawnSync(process.execPath, [cli, 'run', path.join(fixtures, 'cifar_probe.py')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout, fs.readFileSync(path.join(fixtures, 'cifar_expected.txt'), 'utf8'));
});

test("a dataset's image names its class as Pillow's does (type(img) and the errors that print it)", () => {
  // Real torchvision 0.14 prints these (checked with /usr/bin/python3 and Pillow).
  const out = run(
    [
      'from torchvision import datasets, transforms',
      'img, _ = datasets.FakeData(size=1, image_size=(1, 4, 4))[0]',
      'print(type(img), type(img).__name__)',
      'try:',
      '    transforms.Normalize((0.5,), (0.5,))(img)',
      'except TypeError as e:',
      '    print(e)',
    ].join('\n') + '\n',
  );
  assert.equal(out.status, 0, out.stderr);
  assert.equal(
    out.stdout,
    "<class 'PIL.Image.Image'> Image\nimg should be Tensor Image. Got <class 'PIL.Image.Image'>\n",
  );
});
