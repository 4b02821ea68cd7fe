# The portal's image: one image for web, worker and beat (docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production

# WeasyPrint needs Pango and HarfBuzz; fonts for PDFs (Amiri for Arabic, Noto Sans CJK for
# Chinese: see static/css/print/base.css).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core fonts-hosny-amiri fonts-noto-cjk fontconfig shared-mime-info \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 portal
WORKDIR /app
COPY pyproject.toml README.md ./
COPY portal ./portal
COPY engagement ./engagement
COPY reviews ./reviews
COPY instruments ./instruments
RUN pip install .
COPY . .
RUN DJANGO_SECRET_KEY=build-only ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/var/media && chown -R portal:portal /app/var
USER portal
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
