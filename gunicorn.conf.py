"""gunicorn settings for hangviet (``gunicorn -c gunicorn.conf.py hangviet.wsgi``); every value from the environment."""

import os

bind = os.environ.get("HANGVIET_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("HANGVIET_WEB_WORKERS", "4"))
threads = int(os.environ.get("HANGVIET_WEB_THREADS", "1"))
timeout = int(os.environ.get("HANGVIET_WEB_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then; jitter keeps them from restarting together
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
access_log_format = '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, "duration_ms": %(M)s}'
forwarded_allow_ips = os.environ.get("HANGVIET_FORWARDED_ALLOW_IPS", "127.0.0.1")
