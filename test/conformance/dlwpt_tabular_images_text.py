# Real-world data as tensors, after "Deep Learning with PyTorch" (Stevens, Antiga, Viehmann), chapter 4,
# with small data made here instead of the book's files: a wine-like table from numpy (float32, scores
# as targets, one-hot by scatter_, standardisation, masks with torch.le/gt), an hourly series viewed as
# days (view, transpose, one-hot weather, torch.cat), an image batch (permute, uint8 to float, per
# channel normalisation), and text one-hot by ord().
import numpy as np
import torch

rng = np.random.RandomState(3)
wine_numpy = np.round(rng.uniform(0.0, 10.0, size=(12, 5)), 2).astype(np.float32)
wine_numpy[:, -1] = rng.randint(3, 9, size=12)
print(wine_numpy.shape, wine_numpy.dtype)
wineq = torch.from_numpy(wine_numpy)
print(wineq.shape, wineq.dtype)
data = wineq[:, :-1]
print(data[:3], data.shape)
target = wineq[:, -1]
print(target, target.shape)
target = wineq[:, -1].long()
print(target)

target_onehot = torch.zeros(target.shape[0], 10)
print(target_onehot.scatter_(1, target.unsqueeze(1), 1.0)[:4])
target_unsqueezed = target.unsqueeze(1)
print(target_unsqueezed[:3])

data_mean = torch.mean(data, dim=0)
print(data_mean)
data_var = torch.var(data, dim=0)
print(data_var)
data_normalized = (data - data_mean) / torch.sqrt(data_var)
print(data_normalized[:2])

bad_indexes = target <= 4
print(bad_indexes.shape, bad_indexes.dtype, bad_indexes.sum())
bad_data = data[bad_indexes]
print(bad_data.shape)
bad_data = data[target <= 4]
mid_data = data[(target > 4) & (target < 7)]
good_data = data[target >= 7]
bad_mean = torch.mean(bad_data, dim=0)
mid_mean = torch.mean(mid_data, dim=0)
good_mean = torch.mean(good_data, dim=0)
for i, args in enumerate(zip(['a', 'b', 'c', 'd'], bad_mean, mid_mean, good_mean)):
    print('{:2} {:4} {:6.2f} {:6.2f} {:6.2f}'.format(i, *args))
total_sulfur_threshold = 5.0
total_sulfur_data = data[:, 3]
predicted_indexes = torch.lt(total_sulfur_data, total_sulfur_threshold)
print(predicted_indexes.shape, predicted_indexes.dtype, predicted_indexes.sum())
actual_indexes = target > 5
print(actual_indexes.sum())
n_matches = torch.sum(actual_indexes & predicted_indexes).item()
n_predicted = torch.sum(predicted_indexes).item()
n_actual = torch.sum(actual_indexes).item()
print(n_matches, n_matches / n_predicted, n_matches / n_actual)

hours = 3 * 24
columns = np.zeros((hours, 5), dtype=np.float32)
columns[:, 0] = np.arange(hours)
columns[:, 1] = np.arange(hours) % 24
columns[:, 2] = rng.randint(1, 5, size=hours)
columns[:, 3] = np.round(rng.uniform(0.1, 0.9, size=hours), 3)
columns[:, 4] = rng.randint(0, 300, size=hours)
bikes = torch.from_numpy(columns)
print(bikes.shape, bikes.stride())
daily_bikes = bikes.view(-1, 24, bikes.shape[1])
print(daily_bikes.shape, daily_bikes.stride())
daily_bikes = daily_bikes.transpose(1, 2)
print(daily_bikes.shape)
first_day = bikes[:24].long()
weather_onehot = torch.zeros(first_day.shape[0], 4)
print(first_day[:, 2])
weather_onehot.scatter_(dim=1, index=first_day[:, 2].unsqueeze(1) - 1, value=1.0)
print(weather_onehot[:5])
print(torch.cat((bikes[:24], weather_onehot), 1)[:2])
daily_weather_onehot = torch.zeros(daily_bikes.shape[0], 4, daily_bikes.shape[2])
print(daily_weather_onehot.shape)
daily_weather_onehot.scatter_(1, daily_bikes[:, 2, :].long().unsqueeze(1) - 1, 1.0)
print(daily_weather_onehot.shape, daily_weather_onehot.sum())
daily_bikes = torch.cat((daily_bikes, daily_weather_onehot), dim=1)
print(daily_bikes.shape)
daily_bikes[:, 2, :] = (daily_bikes[:, 2, :] - 1.0) / 3.0
print(daily_bikes[0, 2, :6])
temp = daily_bikes[:, 3, :]
temp_min = torch.min(temp)
temp_max = torch.max(temp)
daily_bikes[:, 3, :] = (daily_bikes[:, 3, :] - temp_min) / (temp_max - temp_min)
print(daily_bikes[:, 3, :4])

torch.manual_seed(4)
img_arr = torch.randint(0, 256, (8, 6, 3), dtype=torch.uint8)
print(img_arr.shape, img_arr.dtype)
img = img_arr.permute(2, 0, 1)
print(img.shape)
batch_size = 3
batch = torch.zeros(batch_size, 3, 8, 6, dtype=torch.uint8)
for i in range(batch_size):
    batch[i] = torch.randint(0, 256, (8, 6, 3), dtype=torch.uint8).permute(2, 0, 1)
print(batch[1, 0, :2])
batch = batch.float()
batch /= 255.0
n_channels = batch.shape[1]
for c in range(n_channels):
    mean = torch.mean(batch[:, c])
    std = torch.std(batch[:, c])
    batch[:, c] = (batch[:, c] - mean) / std
print(batch.mean(dim=(0, 2, 3)).abs() < 1e-6, batch.std(dim=(0, 2, 3)))

text = 'Impossible, Mr. Bennet, impossible'
line = text.lower()
letter_t = torch.zeros(len(line), 128)
print(letter_t.shape)
for i, letter in enumerate(line):
    letter_index = ord(letter) if ord(letter) < 128 else 0
    letter_t[i][letter_index] = 1
print(letter_t.sum(), letter_t.argmax(dim=1)[:10])


def clean_words(input_str):
    punctuation = '.,;:"!?_-'
    word_list = input_str.lower().replace('\n', ' ').split()
    word_list = [word.strip(punctuation) for word in word_list]
    return word_list


words_in_line = clean_words(text)
print(words_in_line)
word_list = sorted(set(clean_words(text + ' said mr. Bennet')))
word2index_dict = {word: i for (i, word) in enumerate(word_list)}
print(len(word2index_dict), word2index_dict['impossible'])
word_t = torch.zeros(len(words_in_line), len(word2index_dict))
for i, word in enumerate(words_in_line):
    word_index = word2index_dict[word]
    word_t[i][word_index] = 1
    print('{:2} {:4} {}'.format(i, word_index, word))
print(word_t.shape)
