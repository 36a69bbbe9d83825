# Saving the whole model, as "Save and Load the Model" shows next to state_dicts: torch.save(model, path) and
# torch.load(path) give back the module with its class, layers and weights (the class must be defined where it
# is loaded); a model saved by PyTorch 1.13 itself (the bytes below, compressed) loads and runs too.
import base64
import io
import os
import tempfile
import zlib

import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 3)
        self.norm = nn.BatchNorm1d(3)
        self.head = nn.Linear(3, 1)

    def forward(self, x):
        return self.head(torch.tanh(self.norm(self.hidden(x))))


torch.manual_seed(0)
folder = tempfile.mkdtemp()
x = torch.randn(8, 2)
y = x.sum(dim=1, keepdim=True)

model = TinyNet()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(5):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
print('trained loss', round(loss.item(), 5))

path = os.path.join(folder, 'model.pth')
torch.save(model, path)
loaded = torch.load(path)
print(loaded)
print(type(loaded).__name__, loaded.training, loaded.norm.num_batches_tracked)
model.eval()
loaded.eval()
with torch.no_grad():
    print(torch.equal(model(x), loaded(x)))
print(loaded.norm.running_mean)

# Training goes on from the loaded copy; the original stays as it was.
optimizer = torch.optim.SGD(loaded.parameters(), lr=0.1)
loaded.train()
loss = nn.functional.mse_loss(loaded(x), y)
loss.backward()
optimizer.step()
print(torch.equal(model.head.weight, loaded.head.weight), loaded.head.weight.grad is not None)

sequence = nn.Sequential(nn.Embedding(5, 3), nn.LSTM(3, 4, batch_first=True))
buffer = io.BytesIO()
torch.save(sequence, buffer)
buffer.seek(0)
copy = torch.load(buffer)
tokens = torch.tensor([[1, 2, 3], [4, 0, 1]])
with torch.no_grad():
    out, (h, c) = copy[1](copy[0](tokens))
    out_original, _ = sequence[1](sequence[0](tokens))
print(out.shape, h.shape, torch.equal(out, out_original))

checkpoint = {'model': model, 'epoch': 5, 'loss': loss.item()}
torch.save(checkpoint, path)
restored = torch.load(path)
print(sorted(restored), restored['epoch'], type(restored['model']).__name__)

SAVED_BY_PYTORCH = (
    'eNqdV1twE1UYzqW0JaltKXKRm1oEU4FA71WgxYDhsljKArqisG6STc/aZDf/XloRqkVNE1QQFeUi4hWhyIsPPuBoZxxn8NFhRmcU'
    'HcXLjD7hOOMMPjij57JpN1u5TM5Musk5//d953znOydND+cv83gqKz0TWq2nziPpcaT0y0sTkimFM32paKTas72oDfniopiWFFUU'
    'A1sVdVe3bAbA07AXvIPgCwmE19TxsKL2gj8vBPFnMSPpUlo2Zd2AsnhcS6XkuKloqhHYpCdkXU6sUeKYZFIDD+WUQIxZySSprkCk'
    's1KYTTpVTRUzuFcxTFk1CzWiIZswGc8pZikpk07LIFMK7IBgFqp4uEmooZRSvG9A0hMi0rQ+A6opc40wnYwphpi0UqniGqjtFqrJ'
    'aFLTHcApFFgn1DmHMrpsD0+lwzcLU8iwYUqmLCbw6uzRaXR0ujCLjKY0KeEsGSeZQctmsmVPKNOMAt0ttG4W8yytJayUbMBs2jkn'
    'JJTjXqQkErIKc+Omhnc2rKphuyycUlRZ0gMb2QPm4R28dRBuCyF/HpVRitsZxYCs9CIT6m0K0TKVlBEQdZkYnhjf2wDMv0oJ3i5D'
    '08X+pgDcEQoJFZjUwJVSrwwLGCQQxas0t7DOACwUvLhmGdwp+PEznrEgxJWb0LCZ83B+zjcMd3E+zjsMi/bRiS42YQkP4Tz9sDQH'
    'y3hoFHDIPTFFMqAJzUdYFi1AjLYRmlGI85vQQumy0Mp5s9DGqNpN6ODhbkZ1Tw6W87DCQiyGK9FkhFPVmYUuHlYhlqB7UW03YpmI'
    'ILb5qxHb5jWI7eN9iO1TFLGtWUsPBU5qUpZMS8dbto7zCVW4T7PM8c71nN+K0WWomp6GDRO3MCaZcUQGAxHyrhu/a0wEgMNbuXEQ'
    '7ndsZXcI1btsaIJNzIYe24bNxAae2bDFhK08bGM2PJCDB3kQkNvIZniIMWy3GR4mDI8whh0m7ORBZAyP5kDiIVYwMh6iq9UtldwS'
    'YlqWVEgUUbeAzKiTNnUvoUaMWjHhMR76qIsFjn5Jh1QRRSukGYVqU2iEIsMowASdB0OYSty10iJ1UjZEfHPF++QEmIzKDudGTe0d'
    'y6ZF2dugH7N7TRjA7A0NjPVxE3bx8ITFcrI7C3t4GLRz8uR4Tp6yczJk52SvnZOn7Zw8Y+fkWeoSmd5YJrKcnx4JOWPA8NrOX//+'
    'KP8L+pOe/7SWxreilYbc2q5zR0k7Ro+vlEziIw75PF0sXaBYcI3cKgbsy9s5Q7KUgOcQuQqeH4QXHPnZPzE/7XCA+fsi8dfL+Yfh'
    'ID6c+FS+xNx42YRXeDjEEvBqDl7j4fCEDHXAEebjUcqShWPkz+uM4bgJb/BwgjG8mYO3eHi7kKF3mMnvZuE9Hk7aJr8/bvIp2+TT'
    'tskjtslnbJM/sE0+i9ZxfrSe81oxy4qFe7iKyu/+WuD9AVtHXj1X/bas9iws+rZcuiwaqXd9V/5f+3fDhpX/TL84uuhgsvNAc7xz'
    '29Bno8eD335KlPfD5bMzMTd5XUt5cbFyYzQSugFl1k7O+Gr04qXlnZOCq0eJ5herzv9MclZ1Hc2OYs2maKTlhjWdzeMZ6iq8iP6h'
    '7j3fl6DfXLr+eCP62vmvd5eg31Kq/inv0U+u1F3++FT48jmiP/hh/fkS9FtL1d/9udqFb6Wu0Nxe6n/1wIU/StBvK1Xf6/D+yo/5'
    'ESJWeR3tFcXa7dFIR0napE07+2Vn5JsLnb//lllJ5nDmpyO5EtbfUer6dwb30HM399LBEXLpll1Tt8bTNabbT/731dRoZHnJi8et'
    'OUDUL5zo3ebD/D6q7iWPMX3n/Vc7YUbuXwhutPMOqy5Chis8rhvTjXXeRcXY025soxvrvEeKsXMqXdgmN9Z5BxRjj7uxzW6s8/y6'
    'dCe7sC1urPPsuXTd2FY31nl2XLoBF7bNjXVmvhh7xI1td2OduXXpBl3YDjfWmbqaIuwhB9bOeQ9XXr7YHp7nXzJWGnQ9D/vYs66q'
    'cLGUk18YnhF7dl7aN6mcYYK0ntX+BwN83+s='
)
pytorch_model = torch.load(io.BytesIO(zlib.decompress(base64.b64decode(SAVED_BY_PYTORCH))))
print(pytorch_model)
print(pytorch_model.norm.running_var, pytorch_model.norm.num_batches_tracked)
pytorch_model.eval()
with torch.no_grad():
    print(pytorch_model(torch.tensor([[0.5, -1.0], [2.0, 0.25]])))
