# gov-inspector: one image for the API/scheduler (`serve`) and the workers (`worker`).
# Chromium and a CJK font come from the distribution, as on the machines the project is tested on.
FROM node:20-bookworm-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei fonts-noto-cjk tesseract-ocr tesseract-ocr-chi-sim ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    GOV_INSPECT_CHROMIUM=/usr/bin/chromium \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/var/lib/gov-inspector

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY crawlers ./crawlers
COPY checks ./checks
COPY reports ./reports
COPY demo ./demo

# The artifacts volume is mounted here: the folder must exist, owned by node, or Docker creates it root-owned.
RUN mkdir -p /var/lib/gov-inspector/artifacts && chown -R node:node /var/lib/gov-inspector
USER node
VOLUME /var/lib/gov-inspector
EXPOSE 8080
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/gov-inspect.js"]
CMD ["serve"]
