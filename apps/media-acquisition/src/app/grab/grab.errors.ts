import { ConflictException, NotFoundException } from '@nestjs/common';

export const alreadyDownloading = (title: string, releaseTitle: string) =>
  new ConflictException(`${title} is already downloading (${releaseTitle})`);
export const nothingApproved = (title: string, rejected: number) =>
  new ConflictException(`No release of ${title} is approved (${rejected} rejected); search to see why`);
export const unknownRelease = (guid: string) =>
  new NotFoundException(`No release with guid ${guid} in the latest search`);
export const releaseRejected = (title: string, reasons: string[]) =>
  new ConflictException(`${title} is rejected: ${reasons.join('; ')}`);
