"""hangviet: the digital platform of the campaign “Người Việt Nam ưu tiên dùng hàng Việt Nam”."""
