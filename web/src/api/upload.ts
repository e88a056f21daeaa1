/** File upload with progress (XMLHttpRequest: fetch has no upload progress). */
import { API, ApiError } from './client.ts';
import type { StoredFile } from './types.ts';

export interface UploadHandle {
  promise: Promise<StoredFile>;
  abort(): void;
}

export function uploadFile(file: File, lang: string, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<StoredFile>((resolve, reject) => {
    xhr.open('POST', `${API}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', lang);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as Record<string, unknown>;
      if (xhr.status === 201) {
        onProgress(1);
        resolve(body as unknown as StoredFile);
      } else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { type: '/problems/network' }));
    xhr.onabort = () => reject(new ApiError(0, { type: '/problems/aborted' }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
