// electron-vite's import suffixes for the main process (`?modulePath` for worker files).
/// <reference types="electron-vite/node" />
