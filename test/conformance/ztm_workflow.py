# Zero to Mastery "Learn PyTorch for Deep Learning", 01 PyTorch Workflow: a straight line y = 0.7x + 0.3 made
# with torch.arange(...).unsqueeze(dim=1), an 80/20 split by slicing, a plot_predictions helper (plt.figure
# with figsize, scatter with c/s/label, legend(prop={"size": 14})), a LinearRegressionModel holding two
# nn.Parameter(torch.randn(1, dtype=torch.float), requires_grad=True) with a type-hinted forward, predictions
# under torch.inference_mode(), nn.L1Loss with torch.optim.SGD(params=..., lr=0.01), the train/test loop that
# prints the loss tensors through f-strings and keeps loss.detach().numpy() for the loss curves, the state_dict
# before and after, saving and loading the state_dict through pathlib (MODEL_PATH / MODEL_NAME,
# mkdir(parents=True, exist_ok=True), torch.save(obj=, f=), torch.load(f=)), then the same again with
# nn.Linear(in_features=1, out_features=1), device-agnostic code, next(model.parameters()).device and pprint.
import tempfile
from pathlib import Path
from pprint import pprint

import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

what_were_covering = {1: "data (prepare and load)",
                      2: "build model",
                      3: "fitting the model to data (training)",
                      4: "making predictions and evaluating a model (inference)",
                      5: "saving and loading a model",
                      6: "putting it all together"}
print(what_were_covering)

weight = 0.7
bias = 0.3
start = 0
end = 1
step = 0.02
X = torch.arange(start, end, step).unsqueeze(dim=1)
y = weight * X + bias
print((X[:10], y[:10]))
print(len(X), len(y))

train_split = int(0.8 * len(X))
X_train, y_train = X[:train_split], y[:train_split]
X_test, y_test = X[train_split:], y[train_split:]
print(len(X_train), len(y_train), len(X_test), len(y_test))


def plot_predictions(train_data=X_train,
                     train_labels=y_train,
                     test_data=X_test,
                     test_labels=y_test,
                     predictions=None):
    """Plots training data, test data and compares predictions."""
    plt.figure(figsize=(10, 7))
    plt.scatter(train_data, train_labels, c="b", s=4, label="Training data")
    plt.scatter(test_data, test_labels, c="g", s=4, label="Testing data")
    if predictions is not None:
        plt.scatter(test_data, predictions, c="r", s=4, label="Predictions")
    plt.legend(prop={"size": 14})
    plt.close()


plot_predictions()


class LinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1,
                                                dtype=torch.float),
                                    requires_grad=True)
        self.bias = nn.Parameter(torch.randn(1,
                                             dtype=torch.float),
                                 requires_grad=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.weights * x + self.bias


torch.manual_seed(42)
model_0 = LinearRegressionModel()
print(list(model_0.parameters()))
print(model_0.state_dict())
print(model_0)

with torch.inference_mode():
    y_preds = model_0(X_test)
print(f"Number of testing samples: {len(X_test)}")
print(f"Number of predictions made: {len(y_preds)}")
print(f"Predicted values:\n{y_preds}")
# (Tensor.is_inference() and the errors of inference tensors outside the block are left out: Backprop Lens
# makes ordinary tensors there.)
print(y_preds.requires_grad, y_preds.grad_fn, torch.is_inference_mode_enabled())
with torch.no_grad():
    y_preds_no_grad = model_0(X_test)
print(torch.equal(y_preds, y_preds_no_grad))
plot_predictions(predictions=y_preds)
print(y_test - y_preds)

loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=model_0.parameters(),
                            lr=0.01)
print(loss_fn)
print(optimizer)

torch.manual_seed(42)
epochs = 200
train_loss_values = []
test_loss_values = []
epoch_count = []
for epoch in range(epochs):
    model_0.train()
    y_pred = model_0(X_train)
    loss = loss_fn(y_pred, y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    model_0.eval()
    with torch.inference_mode():
        test_pred = model_0(X_test)
        test_loss = loss_fn(test_pred, y_test.type(torch.float))
        if epoch % 20 == 0:
            epoch_count.append(epoch)
            train_loss_values.append(loss.detach().numpy())
            test_loss_values.append(test_loss.detach().numpy())
            print(f"Epoch: {epoch} | MAE Train Loss: {loss} | MAE Test Loss: {test_loss} ")

print(train_loss_values[:3])
print(np.array(train_loss_values), np.array(train_loss_values).dtype)
try:
    torch.tensor(train_loss_values)
except TypeError as e:
    print(f"TypeError: {e}")
print(torch.tensor(np.array(test_loss_values)))
plt.plot(epoch_count, train_loss_values, label="Train loss")
plt.plot(epoch_count, test_loss_values, label="Test loss")
plt.title("Training and test loss curves")
plt.ylabel("Loss")
plt.xlabel("Epochs")
plt.legend()
plt.close()

print("The model learned the following values for weights and bias:")
print(model_0.state_dict())
print("\nAnd the original values for weights and bias are:")
print(f"weights: {weight}, bias: {bias}")

model_0.eval()
with torch.inference_mode():
    y_preds = model_0(X_test)
print(y_preds)
plot_predictions(predictions=y_preds)

# Saving and loading, in a temporary folder standing in for the notebook's "models".
work_dir = Path(tempfile.mkdtemp())
MODEL_PATH = work_dir / "models"
MODEL_PATH.mkdir(parents=True, exist_ok=True)
MODEL_NAME = "01_pytorch_workflow_model_0.pth"
MODEL_SAVE_PATH = MODEL_PATH / MODEL_NAME
print(f"Saving model to: {MODEL_SAVE_PATH.relative_to(work_dir)}")
torch.save(obj=model_0.state_dict(),
           f=MODEL_SAVE_PATH)
print(MODEL_SAVE_PATH.is_file(), MODEL_SAVE_PATH.suffix, MODEL_SAVE_PATH.name, MODEL_SAVE_PATH.parent.name)
print(sorted(p.name for p in MODEL_PATH.iterdir()))

loaded_model_0 = LinearRegressionModel()
print(loaded_model_0.load_state_dict(torch.load(f=MODEL_SAVE_PATH)))
loaded_model_0.eval()
with torch.inference_mode():
    loaded_model_preds = loaded_model_0(X_test)
print(y_preds == loaded_model_preds)

# Putting it all together: nn.Linear, device-agnostic code.
device = "cuda" if torch.cuda.is_available() else "cpu"
print(f"Using device: {device}")
weight = 0.7
bias = 0.3
start = 0
end = 1
step = 0.02
X = torch.arange(start, end, step).unsqueeze(dim=1)
y = weight * X + bias
train_split = int(0.8 * len(X))
X_train, y_train = X[:train_split], y[:train_split]
X_test, y_test = X[train_split:], y[train_split:]
plot_predictions(X_train, y_train, X_test, y_test)


class LinearRegressionModelV2(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear_layer = nn.Linear(in_features=1,
                                      out_features=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear_layer(x)


torch.manual_seed(42)
model_1 = LinearRegressionModelV2()
print((model_1, model_1.state_dict()))
print(next(model_1.parameters()).device)
model_1.to(device)
print(next(model_1.parameters()).device)

loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=model_1.parameters(),
                            lr=0.01)
torch.manual_seed(42)
epochs = 300
X_train = X_train.to(device)
X_test = X_test.to(device)
y_train = y_train.to(device)
y_test = y_test.to(device)
for epoch in range(epochs):
    model_1.train()
    y_pred = model_1(X_train)
    loss = loss_fn(y_pred, y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model_1.eval()
    with torch.inference_mode():
        test_pred = model_1(X_test)
        test_loss = loss_fn(test_pred, y_test)
    if epoch % 30 == 0:
        print(f"Epoch: {epoch} | Train loss: {loss} | Test loss: {test_loss}")

print("The model learned the following values for weights and bias:")
pprint(model_1.state_dict())
print("\nAnd the original values for weights and bias are:")
print(f"weights: {weight}, bias: {bias}")

model_1.eval()
with torch.inference_mode():
    y_preds = model_1(X_test)
print(y_preds)
plot_predictions(predictions=y_preds.cpu())

MODEL_NAME = "01_pytorch_workflow_model_1.pth"
MODEL_SAVE_PATH = MODEL_PATH / MODEL_NAME
print(f"Saving model to: {MODEL_SAVE_PATH.relative_to(work_dir)}")
torch.save(obj=model_1.state_dict(), f=MODEL_SAVE_PATH)
loaded_model_1 = LinearRegressionModelV2()
print(loaded_model_1.load_state_dict(torch.load(MODEL_SAVE_PATH)))
loaded_model_1.to(device)
print(f"Loaded model:\n{loaded_model_1}")
print(f"Model on device:\n{next(loaded_model_1.parameters()).device}")
loaded_model_1.eval()
with torch.inference_mode():
    loaded_model_1_preds = loaded_model_1(X_test)
print(y_preds == loaded_model_1_preds)
print(sorted(p.name for p in MODEL_PATH.glob("*.pth")))
