# profile-bot in a container: `docker build -t profile-bot .`, then
#   docker run --rm profile-bot ask "papers from 2021"
#   docker run -d --restart on-failure -e DISCORD_TOKEN profile-bot     (the Discord bot: the default command)
#   docker run -d -e DISCORD_TOKEN -e PROFILE_PATH=/profiles/ada.yaml -v "$PWD/ada.yaml:/profiles/ada.yaml:ro" profile-bot
# README, "Running as a service", says more.

FROM python:3.11-slim AS build
WORKDIR /src
# What building the wheel reads, and nothing else (no .venv, no .env).
COPY pyproject.toml setup.py README.md ./
COPY bot ./bot
COPY data ./data
COPY intents ./intents
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
COPY --from=build /wheels /wheels
# The wheels were resolved in the build stage (pyproject.toml pins the ranges); install only those.
# hadolint ignore=DL3013
RUN pip install --no-cache-dir --no-index --find-links /wheels profile-bot \
    && rm -rf /wheels \
    && useradd --system --uid 10001 --user-group --create-home --home-dir /home/bot --shell /usr/sbin/nologin bot
USER 10001:10001
WORKDIR /home/bot
ENV PYTHONUNBUFFERED=1
ENTRYPOINT ["profile-bot"]
CMD ["discord"]
