/**
 * Radarr's MediaFileExtensions: what a bare video file's extension says about its quality, used when the
 * name says nothing (and, for the source only, when the name gives a resolution but no source).
 */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'm4v',
      '3gp',
      'nsv',
      'ty',
      'strm',
      'rm',
      'rmvb',
      'm3u',
      'ifo',
      'mov',
      'qt',
      'divx',
      'xvid',
      'bivx',
      'nrg',
      'pva',
      'wmv',
      'asf',
      'asx',
      'ogm',
      'ogv',
      'm2v',
      'avi',
      'bin',
      'dat',
      'dvr-ms',
      'mpg',
      'mpeg',
      'mp4',
      'avc',
      'vp3',
      'svq3',
      'nuv',
      'viv',
      'dv',
      'fli',
      'flv',
      'wpl',
      'ts',
      'wtv',
    ].map((ext) => [ext, 'SDTV']),
  ),
  img: 'DVD',
  iso: 'DVD',
  vob: 'DVD',
  mkv: 'HDTV-720p',
  mk3d: 'HDTV-720p',
  m2ts: 'Bluray-720p',
};

/**
 * The quality name Radarr infers from the file extension of `name`, or undefined (`.webm` and non-video say nothing).
 */
export function qualityNameForExtension(name: string): string | undefined {
  const match = /\.([a-z0-9-]{1,6})$/i.exec(name.trim());
  return match ? BY_EXTENSION[match[1].toLowerCase()] : undefined;
}
