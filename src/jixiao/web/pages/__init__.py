"""The pages people use: function views that parse input, call one service function and render."""
