# The workbook in a container, JupyterLab on port 8888:
#   docker build -t http-workbook .
#   docker run --rm -p 8888:8888 http-workbook
# then open http://127.0.0.1:8888/lab (the URL with its token is printed).
FROM node:20-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /workbook
# patches/ first: npm ci's postinstall applies them (patch-package)
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run setup
EXPOSE 8888
CMD ["npm", "start", "--", "--no-browser", "--ip=0.0.0.0", "--port=8888"]
