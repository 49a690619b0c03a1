import { ConflictException, ForbiddenException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

export const unknownProject = (id: string) => new NotFoundException(`Project ${id} not found`);
export const forbidden = (action: string) =>
  new ForbiddenException(`Only the project's owner or an admin may ${action}`);
export const inactiveCaller = () =>
  new ForbiddenException('Your account is deactivated or unknown to the user service');
export const unknownUser = (userId: string) => new UnprocessableEntityException(`User ${userId} does not exist`);
export const inactiveUser = (userId: string) => new ConflictException(`User ${userId} is deactivated`);
export const alreadyMember = (userId: string) =>
  new ConflictException(`User ${userId} is already a member of this project`);
export const ownerStays = () => new ConflictException('The owner cannot be removed from their project');
export const notAMember = (userId: string) => new NotFoundException(`User ${userId} is not a member of this project`);
export const unknownComment = (id: string) => new NotFoundException(`Comment ${id} not found`);
export const commentForbidden = () =>
  new ForbiddenException('Only the comment’s author, the project’s owner or an admin may delete it');
export const unknownResource = (resourceId: string) =>
  new UnprocessableEntityException(`Knowledge resource ${resourceId} does not exist`);
